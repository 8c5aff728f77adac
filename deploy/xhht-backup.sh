#!/bin/sh
# Nightly backup of the portal (docs/backup.md): the database as one pg_dump custom-format archive, checked
# readable, and the uploaded files (signed plan documents, evidence) as a tar archive. Old backups are removed
# only once tonight's are safely written. Run as root (xhht-backup.service, or by hand:
# sudo /srv/xhht/deploy/xhht-backup.sh); the dump itself runs as the postgres user.
set -eu
DB="${XHHT_DB:-xhht}"
BACKUP_DIR="${BACKUP_DIR:-/var/backups/xhht}"
MEDIA_ROOT="${MEDIA_ROOT:-/srv/xhht/media}"
KEEP_DAYS="${KEEP_DAYS:-30}"

umask 077
day="$(date +%Y-%m-%d)"
dump="$BACKUP_DIR/xhht-$day.dump"
media="$BACKUP_DIR/xhht-media-$day.tar.gz"

runuser -u postgres -- pg_dump --format=custom --dbname="$DB" > "$dump.partial"
pg_restore --list "$dump.partial" > /dev/null   # the archive reads back (catches a truncated file)
# imports/ holds files waiting for a user's confirmation for at most a day: not worth keeping.
tar -C "$MEDIA_ROOT" --exclude=./imports -czf "$media.partial" .
mv "$dump.partial" "$dump"
mv "$media.partial" "$media"
find "$BACKUP_DIR" -maxdepth 1 \( -name 'xhht-*.dump' -o -name 'xhht-media-*.tar.gz' \) -mtime +"$KEEP_DAYS" -delete
echo "backup written: $dump ($(du -h "$dump" | cut -f1)), $media ($(du -h "$media" | cut -f1))"
