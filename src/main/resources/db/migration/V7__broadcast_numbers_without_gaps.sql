-- A broadcast's number is what people quote ("broadcast 12 went out twice?"). H2 hands out
-- identity values 32 at a time and, after a crash, starts at the next 32: the first broadcast
-- after a crash was number 33. Without the cache each broadcast takes the next number.
ALTER TABLE broadcast ALTER COLUMN id SET NO CACHE;
