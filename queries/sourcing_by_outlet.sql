select
  outlet,
  count(*) as attributions,
  sum(anonymous) as anonymous_attributions,
  round(100.0 * sum(anonymous) / count(*), 1) as percent_anonymous,
  sum(source_type = 'person') as named_people,
  sum(source_type = 'person' and gender = 'woman') as women,
  sum(source_type = 'person' and gender = 'man') as men,
  sum(source_type = 'person' and gender = 'unknown') as gender_unknown,
  round(100.0 * sum(source_type = 'person' and gender = 'woman')
    / nullif(sum(source_type = 'person' and gender in ('woman', 'man')), 0), 1) as percent_women,
  sum(role_class = 'official') as official,
  sum(role_class = 'politician') as politician,
  sum(role_class = 'expert') as expert,
  sum(role_class = 'business') as business,
  sum(role_class = 'civil society') as civil_society,
  sum(role_class = 'citizen') as citizen,
  sum(role_class = 'media') as media,
  sum(role_class = 'unknown') as role_unknown
from attributions
group by outlet
order by attributions desc, outlet
limit 1000
