"""Print the desk's OpenAPI schema (docs/openapi.json is this output; a test keeps them equal).

    python -m sayso.web.openapi > docs/openapi.json
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from sayso.settings import Settings
from sayso.web.app import create_app


def schema() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(str(Path(tmp) / "schema.db"), Settings())
        try:
            return app.openapi()
        finally:
            app.state.pool.close()


if __name__ == "__main__":
    print(json.dumps(schema(), indent=1, sort_keys=True, ensure_ascii=False))
