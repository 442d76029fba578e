"""Survey queries."""
from sqlalchemy import select

from forum.extensions import db
from surveys.models import Survey


def surveys_for(consultation_id: int) -> list[Survey]:
    return list(db.session.scalars(select(Survey).where(Survey.consultation_id == consultation_id)))


def list_surveys() -> list[Survey]:
    return list(db.session.scalars(select(Survey).order_by(Survey.created_at.desc())))
