select
  id as affiliation_id,
  name,
  attributions,
  speakers,
  articles,
  anonymous_attributions
from organizations
where attributions > 0
order by attributions desc, name
limit 100
