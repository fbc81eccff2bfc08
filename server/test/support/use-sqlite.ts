// Setup file of the `server-sqlite` Jest project: the same server suite, on the embedded SQLite default.
process.env.TEST_DB = 'sqlite';
