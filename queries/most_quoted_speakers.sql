select
  speakers.id,
  speakers.name,
  speakers.kind,
  organizations.name as affiliation,
  speakers.anonymous,
  speakers.attributions,
  speakers.direct_quotes as direct,
  speakers.articles
from speakers
  left join organizations on organizations.id = speakers.affiliation_id
order by speakers.attributions desc, speakers.name
limit 100
