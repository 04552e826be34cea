select
  speakers.id as speaker_id,
  speakers.name,
  speakers.kind,
  coalesce(speakers.gender, 'unknown') as gender,
  coalesce(speakers.source_type, 'unknown') as source_type,
  coalesce(speakers.role_class, 'unknown') as role_class,
  organizations.name as affiliation,
  speakers.anonymous,
  speakers.attributions,
  speakers.direct_quotes as direct,
  speakers.articles
from speakers
  left join organizations on organizations.id = speakers.affiliation_id
order by speakers.attributions desc, speakers.name
limit 100
