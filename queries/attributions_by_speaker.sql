select
  quotes.id as quote_id,
  speakers.name as speaker,
  organizations.name as affiliation,
  quotes.type,
  quotes.cue,
  quotes.text,
  articles.title as article,
  quotes.speaker_id,
  quotes.affiliation_id,
  quotes.article_id
from quotes
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
  left join organizations on organizations.id = quotes.affiliation_id
where (:speaker = '' or quotes.speaker_id in (select id from speakers where name like '%' || :speaker || '%'))
  and (
    (select escape_fts(:search)) = ''
    or quotes.rowid in (
      select rowid from quotes_fts
      where quotes_fts match coalesce(nullif(escape_fts(:search), ''), 'nomatchforthisterm')
    )
  )
order by quotes.id
limit 1000
