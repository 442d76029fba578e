"""Tables of the exports package (imported by init_app so Alembic and create_all see them)."""
from exports.models.drafts import (
    Draft,
    DraftNotice,
    DraftQuote,
    DraftSection,
    DraftVersion,
    OrganisationProfile,
)

__all__ = ["Draft", "DraftNotice", "DraftQuote", "DraftSection", "DraftVersion",
           "OrganisationProfile"]
