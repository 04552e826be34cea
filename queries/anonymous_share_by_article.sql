select
  id as article_id,
  title,
  outlet,
  attributions,
  anonymous_attributions,
  percent_anonymous
from articles
order by percent_anonymous desc, attributions desc
limit 1000
