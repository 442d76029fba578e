"""The transcripts blueprint and what its page modules share: who may manage, who may see."""
from flask import Blueprint

from forum.access import Role

bp = Blueprint("transcripts", __name__, template_folder="templates")
MANAGE = (Role.ADMIN, Role.FACILITATOR)
SEE = (Role.ADMIN, Role.FACILITATOR, Role.POLICY_OFFICER)
