select
  corrections.id as entry,
  corrections.kind,
  corrections.target,
  corrections.value,
  corrections.note,
  corrections.rows,
  corrections.articles,
  corrections.file,
  corrections.line
from corrections
order by corrections.id
limit 1000
