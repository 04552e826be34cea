select
  quote_clusters.id as cluster_id,
  quote_clusters.articles as in_articles,
  speakers.name as speaker,
  quotes.text,
  articles.title as article,
  articles.outlet,
  articles.published,
  quotes.id as quote_id,
  quotes.speaker_id,
  quotes.article_id
from quote_clusters
  join quotes on quotes.cluster_id = quote_clusters.id
  join articles on articles.id = quotes.article_id
  left join speakers on speakers.id = quotes.speaker_id
where quote_clusters.attributed_differently = 1
order by quote_clusters.articles desc, quote_clusters.id, articles.published, quotes.id
limit 1000
