"""A drop folder's presets: what the documents dropped into it lack and the folder may fill in."""

from __future__ import annotations

from pydantic import BaseModel

from dossier.policy import Policy


class Presets(BaseModel):
    """What a folder fills in for the documents dropped into it."""

    kind: str | None = None
    fields: dict[str, str] = {}

    def fill(self, fields: dict[str, str], doc_kind: str | None, policy: Policy) -> dict[str, str]:
        """`fields` with the presets added where the document has none; read values are never replaced.

        A document of another kind than the folder's (a unit letter in the workshop's folder) takes
        none of them: the folder's job type and staff member are not about it.
        """
        if self.kind and doc_kind and doc_kind != self.kind:
            return fields
        kind = doc_kind or self.kind
        out = dict(fields)
        for name, value in self.fields.items():
            if name == "job_type" and kind and value not in policy.kinds[kind].job_types:
                continue
            if not out.get(name):
                out[name] = value
        return out
