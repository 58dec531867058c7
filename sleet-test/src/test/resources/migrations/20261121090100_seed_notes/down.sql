delete from notes where body in ('first', 'second', 'third');
