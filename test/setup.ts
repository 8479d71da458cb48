if (!process.env.DATABASE_URL) process.env.PGLITE_DIR = "memory://";
process.env.ADDESK_DATA_DIR ??= ".data/test";
