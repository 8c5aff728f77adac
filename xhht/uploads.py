"""A ceiling on what an upload may write to disk.

Django spools a file part larger than ``FILE_UPLOAD_MAX_MEMORY_SIZE`` to a temporary file, in full, before any
form sees it: a 1 GB CSV would fill the disk before the import form refused it. Past
``XHHT_UPLOAD_CEILING_BYTES`` the bytes are read and dropped; the file handed on is empty but keeps its real
size, so each upload form, which checks the size against its own (lower) limit, refuses it with its usual
Vietnamese message. The front server's body limit (nginx ``client_max_body_size``) stops it earlier still.
"""

from django.conf import settings
from django.core.files.uploadhandler import TemporaryFileUploadHandler


class CeilingUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.over_ceiling = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> None:
        if self.over_ceiling or start + len(raw_data) > settings.XHHT_UPLOAD_CEILING_BYTES:
            self.over_ceiling = True
            return None  # dropped: nothing more of this file reaches the disk
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size: int):
        uploaded = super().file_complete(file_size)  # its size is the real one, every byte counted
        if self.over_ceiling:
            uploaded.file.truncate(0)  # never hand on a silently cut file
        return uploaded
