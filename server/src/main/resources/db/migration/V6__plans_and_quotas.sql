-- Plans and quotas. Every organization is on a plan; its limits are settings (carlo.plans.*), not
-- rows, so that an operator changes them without a migration. New organizations get the plan that
-- carlo.plans.default-plan names; those that exist now keep every freedom they had: Enterprise.
alter table organizations add column plan varchar(20) default 'ENTERPRISE' not null;

-- Simulations started per organization and calendar month (UTC, 'YYYY-MM'). A counter rather than a
-- count of simulation rows: deleting runs must not give the month's runs back. Written while the
-- organization's row is locked, so that two instances cannot both start the last allowed run.
create table usage_months (
    organization_id uuid not null references organizations (id) on delete cascade,
    period          varchar(7) not null,
    runs            bigint not null,
    primary key (organization_id, period)
);
