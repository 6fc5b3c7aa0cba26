"""One exception class per failure kind, each with its exit code and a message a clerk understands.

Every message is bilingual: Simplified Chinese first, then English.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Every exit status of `dossier`, the only list of them (README, "Exit codes", shows it)."""

    OK = 0
    FAILED = 1  # processing failed, or what was asked for is not there (`show` of an unknown key)
    INPUT = 2  # the input: a file that cannot be read, a path that does not exist, a usage error (argparse's)
    OCR = 3
    OCR_TIMEOUT = 4
    MISSING_DEPENDENCY = 5
    STORAGE = 6  # the archive or the queue cannot be written or reached: nothing lost, retry later
    CONFIG = 7
    BELOW_FLOOR = 8
    DATABASE_CORRUPT = 9


class DossierError(Exception):
    exit_code: int = ExitCode.FAILED
    zh = "处理失败"
    en = "processing failed"

    def __init__(self, detail: str = "", *, zh: str | None = None, en: str | None = None) -> None:
        self.detail = detail
        if zh:
            self.zh = zh
        if en:
            self.en = en
        super().__init__(self.message)

    @property
    def message(self) -> str:
        text = f"{self.zh} / {self.en}"
        return f"{text}: {self.detail}" if self.detail else text


class InputFileError(DossierError):
    """The file itself is bad: it is quarantined and processing goes on."""

    exit_code = ExitCode.INPUT


class EmptyFile(InputFileError):
    zh, en = "文件为空（0 字节），可能扫描未完成", "the file is empty (0 bytes); the scan may not have finished"


class UnsupportedFormat(InputFileError):
    zh, en = "不支持的文件类型，请扫描为 PDF、TIFF、JPEG 或 PNG", "unsupported file type; scan to PDF, TIFF, JPEG or PNG"


class CorruptFile(InputFileError):
    zh, en = "文件已损坏或不完整，无法打开", "the file is damaged or incomplete and cannot be opened"


class EncryptedPdf(InputFileError):
    zh, en = "PDF 设有密码保护，请提供未加密的扫描件", "the PDF is password-protected; provide an unencrypted scan"


class ImageTooLarge(InputFileError):
    zh, en = "图像尺寸过大，疑似异常文件", "the image is far too large (possible decompression bomb)"


class UnsafePath(InputFileError):
    zh, en = "文件路径不安全（链接指向投递目录之外）", "unsafe path (a link pointing outside the drop folder)"


class PathNotFound(DossierError):
    """A path given on the command line does not exist: nothing to quarantine, nothing was done."""

    exit_code = ExitCode.INPUT
    zh, en = "路径不存在", "the path does not exist"


class OcrError(DossierError):
    """The OCR engine failed on a page: that document goes to review, the rest continue."""

    exit_code = ExitCode.OCR
    zh, en = "文字识别失败", "text recognition failed"


class OcrTimeout(OcrError):
    exit_code = ExitCode.OCR_TIMEOUT
    zh, en = "文字识别超时", "text recognition timed out"


class MissingDependency(DossierError):
    exit_code = ExitCode.MISSING_DEPENDENCY
    zh, en = "缺少必需的程序", "a required program is missing"


class ScaledClientMissing(MissingDependency):
    """A scaled-mode variable is set, but the embedded install lacks that server's client library."""

    zh = "已配置服务器（{}），但未安装扩展部署的客户端库：pip install 'dossier-capture[scaled]'"
    en = "a server is configured ({}) but the scaled-mode clients are not installed: pip install 'dossier-capture[scaled]'"

    def __init__(self, variable: str) -> None:
        super().__init__(zh=self.zh.format(variable), en=self.en.format(variable))


class StorageError(DossierError):
    """The archive or database cannot be written (disk full, read-only): nothing is lost, retry later."""

    exit_code = ExitCode.STORAGE
    zh, en = "档案存储不可写（磁盘已满或只读）", "the archive cannot be written (disk full or read-only)"


class QueueUnavailable(StorageError):
    """The scaled mode's work queue (Redis) cannot be reached: like a full disk, nothing is the scan's fault."""

    zh, en = "无法连接工作队列（Redis），文件保留未动，稍后重试", "the work queue (Redis) cannot be reached; the scan is kept, retry later"


class ServiceUnavailable(StorageError):
    """PostgreSQL or OpenSearch cannot be reached: nothing is the scans' fault, they stay where they are."""

    def __init__(self, service: str, where: str) -> None:
        super().__init__(zh=f"无法连接 {service}（{where}），请检查服务是否运行；文件保留未动，稍后重试",
                         en=f"cannot reach {service} at {where}: is it running? The scans are kept; retry later")


class ConfigError(DossierError):
    exit_code = ExitCode.CONFIG
    zh, en = "配置错误", "configuration error"


class UnsafeFolder(ConfigError):
    """A folder the watcher writes into (processed/, quarantine/, .dossier/) is a link or not a folder."""

    zh = "投递目录中的子目录是链接或不是目录，不予写入，请删除后重试"
    en = "a folder the watcher writes into is a link or not a folder; nothing is written there until it is removed"


class EvalBelowFloor(DossierError):
    """`dossier eval --floors`: a measured accuracy fell below its committed floor."""

    exit_code = ExitCode.BELOW_FLOOR
    zh, en = "评测结果低于已提交的下限", "the evaluation fell below the committed floors"


class DatabaseCorrupt(DossierError):
    """The SQLite database is damaged: nothing reads from it or writes into it."""

    exit_code = ExitCode.DATABASE_CORRUPT
    zh = ("数据库文件已损坏，未作任何读写；原件完好地保存在数据目录的 originals 文件夹中，"
          "请将损坏的 dossier.sqlite3 移走，再用 dossier ingest 重新导入原件")
    en = ("the database file is damaged and was neither read nor written; the originals are intact in the data "
          "home's originals folder: move the damaged dossier.sqlite3 aside and re-ingest them with dossier ingest")


class DuplicateSource(DossierError):
    """The source's bytes are already recorded as processed (filed first by this or another process).
    Raised by the record store for either database; the pipeline reports the file as `duplicate`."""

    zh, en = "相同内容的文件已归档", "a file with the same bytes is already filed"
