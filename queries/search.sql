select
  quotes.id as quote_id,
  snippet(quotes_fts, 0, '**', '**', '…', 24) as snippet,
  speakers.name as speaker,
  organizations.name as affiliation,
  quotes.type,
  articles.title as article,
  quotes.speaker_id,
  quotes.affiliation_id,
  quotes.article_id
from quotes_fts
  join quotes on quotes.rowid = quotes_fts.rowid
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
  left join organizations on organizations.id = quotes.affiliation_id
where quotes_fts match coalesce(nullif(escape_fts(:q), ''), 'nomatchforthisterm')
order by quotes_fts.rank
limit 50
