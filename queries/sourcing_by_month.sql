select
  month,
  sum(count) as attributions,
  sum(count * anonymous) as anonymous_attributions,
  round(100.0 * sum(count * anonymous) / sum(count), 1) as percent_anonymous,
  sum(count * (source_type = 'person')) as named_people,
  sum(count * (source_type = 'person' and gender = 'woman')) as women,
  sum(count * (source_type = 'person' and gender = 'man')) as men,
  sum(count * (source_type = 'person' and gender = 'unknown')) as gender_unknown,
  round(100.0 * sum(count * (source_type = 'person' and gender = 'woman'))
    / nullif(sum(count * (source_type = 'person' and gender in ('woman', 'man'))), 0), 1) as percent_women,
  sum(count * (role_class = 'official')) as official,
  sum(count * (role_class = 'politician')) as politician,
  sum(count * (role_class = 'expert')) as expert,
  sum(count * (role_class = 'business')) as business,
  sum(count * (role_class = 'civil society')) as civil_society,
  sum(count * (role_class = 'citizen')) as citizen,
  sum(count * (role_class = 'media')) as media,
  sum(count * (role_class = 'unknown')) as role_unknown
from _sourcing_counts
group by month
order by month is null, month
limit 1000
