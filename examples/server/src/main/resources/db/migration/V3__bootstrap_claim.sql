-- The first start creates the administrator. Replicas starting together on an empty database
-- would each see no users and each create one; the start that inserts this table's single row
-- (in the same transaction as the administrator) is the one that creates it, the others see
-- the row's key taken and leave the users alone.
create table bootstrap (
    id          int primary key check (id = 1),
    done_at     timestamp with time zone not null
);
-- A database that already has users was bootstrapped before this table existed.
insert into bootstrap (id, done_at) select 1, min(created_at) from users having count(*) > 0;
