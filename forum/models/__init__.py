"""All models, imported here so Alembic and create_all see every table."""
from forum.models import segment_search  # noqa: F401  (creates the full-text index with the table)
from forum.models.accounts import User
from forum.models.audit import AuditEvent
from forum.models.consultations import (
    Consultation,
    ConsultationSection,
    ConsultationStatus,
    Question,
)
from forum.models.jobs import Job, JobStatus
from forum.models.members import (
    AGE_BANDS,
    ETHNICITY_GROUPS,
    GENDERS,
    LIVED_EXPERIENCE,
    ConsentRecord,
    Member,
    MemberContact,
)
from forum.models.safeguarding import SafeguardingReview
from forum.models.segment_versions import SegmentVersion
from forum.models.segments import Segment, SegmentSource
from forum.models.sessions import FocusGroupSession, session_members
from forum.models.sign_ins import SignIn
from forum.models.throttle import ThrottleCount
from forum.models.transcripts import (
    Redaction,
    RedactionStatus,
    Speaker,
    SpeakerRole,
    Transcript,
    TranscriptStatus,
    Turn,
)
from forum.models.two_factor import RecoveryCode

__all__ = [
    "SegmentVersion",
    "AuditEvent",
    "User", "Consultation", "ConsultationSection", "ConsultationStatus", "Question", "Job",
    "JobStatus",
    "Member", "MemberContact", "ConsentRecord", "AGE_BANDS", "GENDERS", "ETHNICITY_GROUPS",
    "LIVED_EXPERIENCE", "Segment", "SegmentSource", "FocusGroupSession", "Transcript",
    "session_members", "Redaction", "RedactionStatus", "Speaker", "SpeakerRole",
    "TranscriptStatus", "Turn", "RecoveryCode", "SignIn", "ThrottleCount", "SafeguardingReview",
]
