import { execFileSync } from "node:child_process";

/** psql/createdb/dropdb arguments for the server and user of a postgres:// URL. */
function clientArgs(url: string) {
  const u = new URL(url);
  return ["-h", u.hostname, "-p", u.port || "5432", "-U", decodeURIComponent(u.username || "postgres")];
}

/** Creates the URL's database when it does not exist yet; a benchmark that keeps its data reuses it. */
export function ensureDatabase(url: string) {
  const args = clientArgs(url);
  const name = new URL(url).pathname.slice(1);
  const list = execFileSync("psql", [...args, "-d", "postgres", "-Atc", "select datname from pg_database"], {
    encoding: "utf8",
  });
  if (!list.split("\n").includes(name)) execFileSync("createdb", [...args, name], { stdio: "inherit" });
}

const localArgs = ["-h", "127.0.0.1", "-p", "5432", "-U", "postgres"];

/** A fresh, empty database on the local server, for a benchmark that starts from nothing. */
export function recreateLocalDatabase(name: string) {
  execFileSync("dropdb", [...localArgs, "--if-exists", "--force", name]);
  execFileSync("createdb", [...localArgs, name]);
}

export function dropLocalDatabase(name: string) {
  execFileSync("dropdb", [...localArgs, "--if-exists", "--force", name]);
}
