/**
 * The day every test build publishes as (`BUILD_DATE`), so that what is scheduled does not depend on
 * the day the tests run: the fixture site's scheduled article is dated after it.
 */
export const TEST_BUILD_DATE = '2026-12-05';
