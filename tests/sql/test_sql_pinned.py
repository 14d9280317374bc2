"""The exact SQL of representative queries, in each dialect."""

from datetime import datetime

import pytest

import segquery
from segquery.sql import compile_sql

NOW = datetime(2026, 1, 1)

CASES = [
    pytest.param("PROFILE(contact, c).FILTER(c.address1_city == 'Seattle' || ISNULL(c.emailaddress1))", 'duckdb',
                 'SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND (LOWER("t0"."address1_city") = \'seattle\' OR "t0"."emailaddress1" IS NULL)',
                 id="filter-duckdb"),
    pytest.param("PROFILE(account).FILTER(numberofemployees > 500).TRAVERSE(contact_account_parentcustomerid, FILTER(jobtitle CONTAINS 'Manager'))", 'duckdb',
                 'SELECT DISTINCT "t1"."contactid" AS "profileid" FROM "account" AS "t0" JOIN "contact" AS "t1" ON "t1"."parentcustomerid" = "t0"."accountid" WHERE NOT "t1"."contactid" IS NULL AND "t0"."numberofemployees" > 500 AND STRPOS(LOWER("t1"."jobtitle"), \'manager\') > 0',
                 id="traverse-duckdb"),
    pytest.param("PROFILE(account).FILTER(numberofemployees > 500).TRAVERSE(contact_account_parentcustomerid, FILTER(jobtitle CONTAINS 'Manager'))", 'tsql',
                 "SELECT DISTINCT [t1].[contactid] AS [profileid] FROM [account] AS [t0] JOIN [contact] AS [t1] ON [t1].[parentcustomerid] = [t0].[accountid] WHERE NOT [t1].[contactid] IS NULL AND [t0].[numberofemployees] > 500 AND CHARINDEX('manager', LOWER([t1].[jobtitle])) > 0",
                 id="traverse-tsql"),
    pytest.param("PROFILE(account).FILTER(numberofemployees > 500).TRAVERSE(contact_account_parentcustomerid, FILTER(jobtitle CONTAINS 'Manager'))", 'spark',
                 "SELECT DISTINCT `t1`.`contactid` AS `profileid` FROM `account` AS `t0` JOIN `contact` AS `t1` ON `t1`.`parentcustomerid` = `t0`.`accountid` WHERE NOT `t1`.`contactid` IS NULL AND `t0`.`numberofemployees` > 500 AND LOCATE('manager', LOWER(`t1`.`jobtitle`)) > 0",
                 id="traverse-spark"),
    pytest.param('PROFILE(contact).TRAVERSE(contact_account_parentcustomerid)', 'duckdb',
                 'SELECT DISTINCT "t1"."accountid" AS "profileid" FROM "contact" AS "t0" JOIN "account" AS "t1" ON "t1"."accountid" = "t0"."parentcustomerid" WHERE NOT "t1"."accountid" IS NULL',
                 id="to_account-duckdb"),
    pytest.param("INTERACTION(EmailClicked, EmailClicked_ContactLink, click).FILTER(click.linkFriendlyName == 'Spring offer').HAVING(COUNT() > 1, UTCMONTHS(1))", 'duckdb',
                 'SELECT "i"."contactId" AS "profileid" FROM "EmailClicked" AS "i" WHERE NOT "i"."contactId" IS NULL AND LOWER("i"."linkFriendlyName") = \'spring offer\' AND "i"."timestamp" BETWEEN CAST(\'2025-12-01 00:00:00\' AS TIMESTAMP) AND CAST(\'2026-01-01 00:00:00\' AS TIMESTAMP) AND "i"."contactId" IN (SELECT "p"."contactid" FROM "contact" AS "p") GROUP BY "i"."contactId" HAVING COUNT(*) > 1',
                 id="interaction-duckdb"),
    pytest.param("INTERACTION(EmailClicked, EmailClicked_ContactLink, click).FILTER(click.linkFriendlyName == 'Spring offer').HAVING(COUNT() > 1, UTCMONTHS(1))", 'tsql',
                 "SELECT [i].[contactId] AS [profileid] FROM [EmailClicked] AS [i] WHERE NOT [i].[contactId] IS NULL AND LOWER([i].[linkFriendlyName]) = 'spring offer' AND [i].[timestamp] BETWEEN CAST('2025-12-01 00:00:00' AS DATETIME2) AND CAST('2026-01-01 00:00:00' AS DATETIME2) AND [i].[contactId] IN (SELECT [p].[contactid] FROM [contact] AS [p]) GROUP BY [i].[contactId] HAVING COUNT(*) > 1",
                 id="interaction-tsql"),
    pytest.param("INTERACTION(EmailClicked, EmailClicked_ContactLink, click).FILTER(click.linkFriendlyName == 'Spring offer').HAVING(COUNT() > 1, UTCMONTHS(1))", 'spark',
                 "SELECT `i`.`contactId` AS `profileid` FROM `EmailClicked` AS `i` WHERE NOT `i`.`contactId` IS NULL AND LOWER(`i`.`linkFriendlyName`) = 'spring offer' AND `i`.`timestamp` BETWEEN CAST('2025-12-01 00:00:00' AS TIMESTAMP) AND CAST('2026-01-01 00:00:00' AS TIMESTAMP) AND `i`.`contactId` IN (SELECT `p`.`contactid` FROM `contact` AS `p`) GROUP BY `i`.`contactId` HAVING COUNT(*) > 1",
                 id="interaction-spark"),
    pytest.param('PROFILE(contact) UNION PROFILE(contact).FILTER(statecode == 0) INTERSECT PROFILE(contact).FILTER(donotbulkemail == TRUE)', 'duckdb',
                 'SELECT "profileid" FROM (SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL UNION SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND "t0"."statecode" = 0) AS "s1" INTERSECT SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND "t0"."donotbulkemail" = TRUE',
                 id="set-duckdb"),
    pytest.param('PROFILE(contact) UNION PROFILE(contact).FILTER(statecode == 0) INTERSECT PROFILE(contact).FILTER(donotbulkemail == TRUE)', 'tsql',
                 'SELECT [profileid] FROM (SELECT DISTINCT [t0].[contactid] AS [profileid] FROM [contact] AS [t0] WHERE NOT [t0].[contactid] IS NULL UNION SELECT DISTINCT [t0].[contactid] AS [profileid] FROM [contact] AS [t0] WHERE NOT [t0].[contactid] IS NULL AND [t0].[statecode] = 0) AS [s1] INTERSECT SELECT DISTINCT [t0].[contactid] AS [profileid] FROM [contact] AS [t0] WHERE NOT [t0].[contactid] IS NULL AND [t0].[donotbulkemail] = 1',
                 id="set-tsql"),
    pytest.param('PROFILE(contact) UNION PROFILE(contact).FILTER(statecode == 0) INTERSECT PROFILE(contact).FILTER(donotbulkemail == TRUE)', 'spark',
                 'SELECT `profileid` FROM (SELECT DISTINCT `t0`.`contactid` AS `profileid` FROM `contact` AS `t0` WHERE NOT `t0`.`contactid` IS NULL UNION SELECT DISTINCT `t0`.`contactid` AS `profileid` FROM `contact` AS `t0` WHERE NOT `t0`.`contactid` IS NULL AND `t0`.`statecode` = 0) AS `s1` INTERSECT SELECT DISTINCT `t0`.`contactid` AS `profileid` FROM `contact` AS `t0` WHERE NOT `t0`.`contactid` IS NULL AND `t0`.`donotbulkemail` = TRUE',
                 id="set-spark"),
    pytest.param("PROFILE(contact).FILTER(DATEDIFF(MONTH, birthdate, DATETIMEUTCNOW()) < 1 && createdon >= DATEADD(DAY, -30, DATETIMEUTCNOW()) && birthdate < '1990-01-01')", 'duckdb',
                 'SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND ((((YEAR(CAST(\'2026-01-01 00:00:00\' AS TIMESTAMP)) - YEAR("t0"."birthdate")) * 12) + (MONTH(CAST(\'2026-01-01 00:00:00\' AS TIMESTAMP)) - MONTH("t0"."birthdate"))) < 1 AND "t0"."createdon" >= (CAST(\'2026-01-01 00:00:00\' AS TIMESTAMP) + INTERVAL (-30) DAY) AND "t0"."birthdate" < CAST(\'1990-01-01\' AS TIMESTAMP))',
                 id="dates-duckdb"),
    pytest.param("PROFILE(contact).FILTER(DATEDIFF(MONTH, birthdate, DATETIMEUTCNOW()) < 1 && createdon >= DATEADD(DAY, -30, DATETIMEUTCNOW()) && birthdate < '1990-01-01')", 'tsql',
                 "SELECT DISTINCT [t0].[contactid] AS [profileid] FROM [contact] AS [t0] WHERE NOT [t0].[contactid] IS NULL AND ((((YEAR(CAST('2026-01-01 00:00:00' AS DATETIME2)) - YEAR([t0].[birthdate])) * 12) + (MONTH(CAST('2026-01-01 00:00:00' AS DATETIME2)) - MONTH([t0].[birthdate]))) < 1 AND [t0].[createdon] >= DATEADD(DAY, -30, CAST('2026-01-01 00:00:00' AS DATETIME2)) AND [t0].[birthdate] < CAST('1990-01-01' AS DATETIME2))",
                 id="dates-tsql"),
    pytest.param("PROFILE(contact).FILTER(DATEDIFF(MONTH, birthdate, DATETIMEUTCNOW()) < 1 && createdon >= DATEADD(DAY, -30, DATETIMEUTCNOW()) && birthdate < '1990-01-01')", 'spark',
                 "SELECT DISTINCT `t0`.`contactid` AS `profileid` FROM `contact` AS `t0` WHERE NOT `t0`.`contactid` IS NULL AND ((((YEAR(CAST('2026-01-01 00:00:00' AS TIMESTAMP)) - YEAR(`t0`.`birthdate`)) * 12) + (MONTH(CAST('2026-01-01 00:00:00' AS TIMESTAMP)) - MONTH(`t0`.`birthdate`))) < 1 AND `t0`.`createdon` >= DATE_ADD(DAY, -30, CAST('2026-01-01 00:00:00' AS TIMESTAMP)) AND `t0`.`birthdate` < CAST('1990-01-01' AS TIMESTAMP))",
                 id="dates-spark"),
    pytest.param("PROFILE(contact).FILTER(lastname STARTSWITH 'Mc' && emailaddress1 ENDSWITH '@contoso.com' && NOT(firstname CONTAINS ''))", 'duckdb',
                 'SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND (SUBSTRING(LOWER("t0"."lastname"), 1, 2) = \'mc\' AND RIGHT(LOWER("t0"."emailaddress1"), 12) = \'@contoso.com\' AND NOT (LENGTH(LOWER("t0"."firstname")) >= 0))',
                 id="strings-duckdb"),
    pytest.param('PROFILE(contact).FILTER(annualincome / numberofchildren > 1000.5)', 'duckdb',
                 'SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND (CAST("t0"."annualincome" AS DOUBLE) / NULLIF("t0"."numberofchildren", 0)) > 1000.5',
                 id="arith-duckdb"),
    pytest.param("PROFILE(contact).FILTER(lastname == 'O\\'Brien' && firstname CONTAINS 'it\\'s')", 'duckdb',
                 'SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND (LOWER("t0"."lastname") = \'o\'\'brien\' AND STRPOS(LOWER("t0"."firstname"), \'it\'\'s\') > 0)',
                 id="escape-duckdb"),
    pytest.param("PROFILE(contact).FILTER(lastname == 'O\\'Brien' && firstname CONTAINS 'it\\'s')", 'tsql',
                 "SELECT DISTINCT [t0].[contactid] AS [profileid] FROM [contact] AS [t0] WHERE NOT [t0].[contactid] IS NULL AND (LOWER([t0].[lastname]) = 'o''brien' AND CHARINDEX('it''s', LOWER([t0].[firstname])) > 0)",
                 id="escape-tsql"),
    pytest.param("PROFILE(contact).FILTER(lastname == 'O\\'Brien' && firstname CONTAINS 'it\\'s')", 'spark',
                 "SELECT DISTINCT `t0`.`contactid` AS `profileid` FROM `contact` AS `t0` WHERE NOT `t0`.`contactid` IS NULL AND (LOWER(`t0`.`lastname`) = 'o\\'brien' AND LOCATE('it\\'s', LOWER(`t0`.`firstname`)) > 0)",
                 id="escape-spark"),
    pytest.param("PROFILE(contact, c).FILTER(c.address1_city == 'Seattle').ORDERBY(c.lastname ASC, birthdate DESC).SKIP(10).TAKE(5).SELECT(contactid, fullname)", 'duckdb',
                 'SELECT "f"."contactid" AS "profileid", "f"."contactid" AS "contactid", "f"."fullname" AS "fullname" FROM "contact" AS "f" WHERE NOT "f"."contactid" IS NULL AND "f"."contactid" IN (SELECT DISTINCT "t0"."contactid" AS "profileid" FROM "contact" AS "t0" WHERE NOT "t0"."contactid" IS NULL AND LOWER("t0"."address1_city") = \'seattle\') ORDER BY LOWER("f"."lastname") ASC NULLS FIRST, "f"."birthdate" DESC, "f"."contactid" ASC NULLS FIRST LIMIT 5 OFFSET 10',
                 id="fetch-duckdb"),
    pytest.param("PROFILE(contact, c).FILTER(c.address1_city == 'Seattle').ORDERBY(c.lastname ASC, birthdate DESC).SKIP(10).TAKE(5).SELECT(contactid, fullname)", 'tsql',
                 "SELECT [f].[contactid] AS [profileid], [f].[contactid] AS [contactid], [f].[fullname] AS [fullname] FROM [contact] AS [f] WHERE NOT [f].[contactid] IS NULL AND [f].[contactid] IN (SELECT DISTINCT [t0].[contactid] AS [profileid] FROM [contact] AS [t0] WHERE NOT [t0].[contactid] IS NULL AND LOWER([t0].[address1_city]) = 'seattle') ORDER BY LOWER([f].[lastname]) ASC, [f].[birthdate] DESC, [f].[contactid] ASC OFFSET 10 ROWS FETCH FIRST 5 ROWS ONLY",
                 id="fetch-tsql"),
    pytest.param("PROFILE(contact, c).FILTER(c.address1_city == 'Seattle').ORDERBY(c.lastname ASC, birthdate DESC).SKIP(10).TAKE(5).SELECT(contactid, fullname)", 'spark',
                 "SELECT `f`.`contactid` AS `profileid`, `f`.`contactid` AS `contactid`, `f`.`fullname` AS `fullname` FROM `contact` AS `f` WHERE NOT `f`.`contactid` IS NULL AND `f`.`contactid` IN (SELECT DISTINCT `t0`.`contactid` AS `profileid` FROM `contact` AS `t0` WHERE NOT `t0`.`contactid` IS NULL AND LOWER(`t0`.`address1_city`) = 'seattle') ORDER BY LOWER(`f`.`lastname`) ASC, `f`.`birthdate` DESC, `f`.`contactid` ASC LIMIT 5 OFFSET 10",
                 id="fetch-spark"),
]


@pytest.mark.parametrize(("text", "dialect", "expected"), CASES)
def test_compiled_sql_is_exactly(text, dialect, expected):
    assert compile_sql(segquery.parse(text), dialect=dialect, now=NOW, pretty=False) == expected
