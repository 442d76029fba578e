"""surveys: versions, questions with choices, media and skip logic, responses, devices, CSV imports

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:00:00

Existing surveys get a draft version 1 holding their questions.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('survey_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('published_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_survey_versions_published_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_versions_survey_id_surveys'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_versions')),
    sa.UniqueConstraint('survey_id', 'number', name=op.f('uq_survey_versions_survey_id'))
    )
    with op.batch_alter_table('survey_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_versions_survey_id'), ['survey_id'], unique=False)

    op.create_table('survey_media',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('picture', 'audio', name='media_kind', native_enum=False, length=10), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_media_survey_id_surveys'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_media'))
    )
    with op.batch_alter_table('survey_media', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_media_survey_id'), ['survey_id'], unique=False)

    # New question columns: added nullable (or with a default) so existing rows can be filled in.
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('version_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('choices', sa.JSON(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('offer_dont_know', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('offer_prefer_not', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('picture_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('picture_alt', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('audio_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('show_if_question_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('show_if_value', sa.String(length=60), nullable=True))

    conn = op.get_bind()
    conn.execute(sa.text(
        "INSERT INTO survey_versions (survey_id, number, title, created_at) "
        "SELECT id, 1, title, created_at FROM surveys"))
    conn.execute(sa.text(
        "UPDATE survey_questions SET version_id = (SELECT v.id FROM survey_versions v "
        "WHERE v.survey_id = survey_questions.survey_id AND v.number = 1)"))

    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.alter_column('version_id', existing_type=sa.Integer(), nullable=False)
        batch_op.alter_column('choices', existing_type=sa.JSON(), server_default=None)
        batch_op.alter_column('offer_dont_know', existing_type=sa.Boolean(), server_default=None)
        batch_op.alter_column('offer_prefer_not', existing_type=sa.Boolean(), server_default=None)
        batch_op.create_index(batch_op.f('ix_survey_questions_version_id'), ['version_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_survey_questions_show_if_question_id_survey_questions'), 'survey_questions', ['show_if_question_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_survey_questions_audio_id_survey_media'), 'survey_media', ['audio_id'], ['id'], ondelete='SET NULL')
        batch_op.create_foreign_key(batch_op.f('fk_survey_questions_version_id_survey_versions'), 'survey_versions', ['version_id'], ['id'], ondelete='CASCADE')
        batch_op.create_foreign_key(batch_op.f('fk_survey_questions_picture_id_survey_media'), 'survey_media', ['picture_id'], ['id'], ondelete='SET NULL')

    op.create_table('survey_devices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_survey_devices_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['users.id'], name=op.f('fk_survey_devices_revoked_by_id_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_devices')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_survey_devices_token_hash'))
    )
    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('completed', sa.Boolean(), nullable=False),
    sa.Column('read_aloud', sa.Boolean(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('payload_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['survey_devices.id'], name=op.f('fk_survey_responses_device_id_survey_devices'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_survey_responses_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['version_id'], ['survey_versions.id'], name=op.f('fk_survey_responses_version_id_survey_versions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses')),
    sa.UniqueConstraint('uuid', name=op.f('uq_survey_responses_uuid'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_responses_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_responses_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_responses_version_id'), ['version_id'], unique=False)

    op.create_table('survey_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('value', sa.JSON(), nullable=True),
    sa.Column('text', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['question_id'], ['survey_questions.id'], name=op.f('fk_survey_answers_question_id_survey_questions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'], name=op.f('fk_survey_answers_response_id_survey_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_answers'))
    )
    with op.batch_alter_table('survey_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_survey_answers_question_id'), ['question_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_survey_answers_response_id'), ['response_id'], unique=False)

    op.create_table('csv_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('original_text', sa.Text(), nullable=False),
    sa.Column('respondent_column', sa.String(length=200), nullable=True),
    sa.Column('mapping', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('uploaded', 'checking', 'problems', 'imported', name='csv_import_status', native_enum=False, length=20), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('row_count', sa.Integer(), nullable=False),
    sa.Column('answer_count', sa.Integer(), nullable=False),
    sa.Column('job_id', sa.Integer(), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('imported_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_csv_imports_consultation_id_consultations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_csv_imports_created_by_id_users'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['job_id'], ['jobs.id'], name=op.f('fk_csv_imports_job_id_jobs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_csv_imports'))
    )
    with op.batch_alter_table('csv_imports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_csv_imports_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('csv_import_answers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('import_id', sa.Integer(), nullable=False),
    sa.Column('line_number', sa.Integer(), nullable=False),
    sa.Column('respondent_ref', sa.String(length=200), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('question_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['import_id'], ['csv_imports.id'], name=op.f('fk_csv_import_answers_import_id_csv_imports'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_csv_import_answers_member_id_members'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['question_id'], ['questions.id'], name=op.f('fk_csv_import_answers_question_id_questions'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_csv_import_answers'))
    )
    with op.batch_alter_table('csv_import_answers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_csv_import_answers_import_id'), ['import_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_csv_import_answers_member_id'), ['member_id'], unique=False)


def downgrade():
    with op.batch_alter_table('csv_import_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_csv_import_answers_member_id'))
        batch_op.drop_index(batch_op.f('ix_csv_import_answers_import_id'))
    op.drop_table('csv_import_answers')
    with op.batch_alter_table('csv_imports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_csv_imports_consultation_id'))
    op.drop_table('csv_imports')
    with op.batch_alter_table('survey_answers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_answers_response_id'))
        batch_op.drop_index(batch_op.f('ix_survey_answers_question_id'))
    op.drop_table('survey_answers')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_responses_version_id'))
        batch_op.drop_index(batch_op.f('ix_survey_responses_member_id'))
        batch_op.drop_index(batch_op.f('ix_survey_responses_device_id'))
    op.drop_table('survey_responses')
    op.drop_table('survey_devices')

    # Questions of later versions cannot live without their version: keep version 1's only.
    conn = op.get_bind()
    conn.execute(sa.text(
        "DELETE FROM survey_questions WHERE version_id NOT IN "
        "(SELECT id FROM survey_versions WHERE number = 1)"))
    with op.batch_alter_table('survey_questions', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_survey_questions_picture_id_survey_media'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_survey_questions_version_id_survey_versions'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_survey_questions_audio_id_survey_media'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_survey_questions_show_if_question_id_survey_questions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_survey_questions_version_id'))
        batch_op.drop_column('show_if_value')
        batch_op.drop_column('show_if_question_id')
        batch_op.drop_column('audio_id')
        batch_op.drop_column('picture_alt')
        batch_op.drop_column('picture_id')
        batch_op.drop_column('offer_prefer_not')
        batch_op.drop_column('offer_dont_know')
        batch_op.drop_column('choices')
        batch_op.drop_column('version_id')

    with op.batch_alter_table('survey_media', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_media_survey_id'))
    op.drop_table('survey_media')
    with op.batch_alter_table('survey_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_survey_versions_survey_id'))
    op.drop_table('survey_versions')
