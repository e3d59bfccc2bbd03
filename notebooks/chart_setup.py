"""What both notebooks need before they draw: a CJK font for matplotlib, and paths taken from the repository root."""
from pathlib import Path

from matplotlib import font_manager
import matplotlib.pyplot as plt

# Debian's fonts-noto-cjk ships one .ttc whose first face matplotlib registers as "Noto Sans CJK JP"; it holds the
# simplified characters as well.
CJK_CANDIDATES = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR"]


def use_cjk_font() -> str:
    """Chinese labels need a CJK font, or every character is drawn as a box."""
    available = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [name for name in CJK_CANDIDATES if name in available]
    if not fonts:
        raise RuntimeError("no Noto Sans CJK font found: install fonts-noto-cjk (apt-get install fonts-noto-cjk)")
    plt.rcParams["font.family"] = fonts + ["sans-serif"]
    plt.rcParams["axes.unicode_minus"] = False
    return fonts[0]


def repository_root() -> Path:
    """nbconvert runs the kernel in notebooks/; the README's paths are relative to the repository root above it."""
    here = Path.cwd().resolve()
    return next((d for d in [here, *here.parents] if (d / "ReportSearch.sln").exists()), here)


def from_root(value: str) -> Path:
    """A path as the README writes it: absolute, or relative to the repository root."""
    path = Path(value).expanduser()
    return path if path.is_absolute() else repository_root() / path
