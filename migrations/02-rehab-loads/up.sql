-- A load on a prescription (`goblet squat:3x8@16kg`), in kilograms: on a programme's exercise
-- and on an exercise's default prescription. Nullable; journals before this had none.

ALTER TABLE programme_items ADD COLUMN load_kg REAL;
ALTER TABLE exercises ADD COLUMN load_kg REAL;
