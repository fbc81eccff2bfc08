# Makes sure a MariaDB server runs on this machine and that the test user exists.
# Sourced by scripts/test.sh; needs root (installs with apt-get when MariaDB is missing).

mariadb_ready() { mariadb-admin --protocol=socket ping >/dev/null 2>&1; }

ensure_mariadb() {
  if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
    echo "==> installing MariaDB"
    apt_install mariadb-server mariadb-client
  fi
  if ! mariadb_ready; then
    echo "==> starting MariaDB"
    mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
    # As root, mariadbd refuses to start without --user=mysql.
    start-stop-daemon --start --oknodo --background --make-pidfile --pidfile /tmp/mariadbd.pid \
      --exec /usr/sbin/mariadbd -- --user=mysql
    for _ in $(seq 1 60); do mariadb_ready && break; sleep 0.5; done
    mariadb_ready || { echo "MariaDB did not start" >&2; return 1; }
  fi
  # The tests connect over TCP as an ordinary user that may create and drop its own databases.
  mariadb --protocol=socket -uroot <<'SQL'
CREATE USER IF NOT EXISTS 'pass'@'localhost' IDENTIFIED BY 'pass';
CREATE USER IF NOT EXISTS 'pass'@'127.0.0.1' IDENTIFIED BY 'pass';
GRANT ALL PRIVILEGES ON `pass\_%`.* TO 'pass'@'localhost';
GRANT ALL PRIVILEGES ON `pass\_%`.* TO 'pass'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}
