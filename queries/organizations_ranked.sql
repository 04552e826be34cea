select
  id,
  name,
  attributions,
  speakers,
  articles,
  anonymous_attributions as anonymous
from organizations
where attributions > 0
order by attributions desc, name
limit 100
