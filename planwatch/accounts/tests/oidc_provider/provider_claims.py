"""The provider's claims for each of its users, as serve.py was given them."""

import json
import os

from oauth2_provider.oauth2_validators import OAuth2Validator


class ClaimsValidator(OAuth2Validator):
    oidc_claim_scope = None  # every claim, whatever the scopes asked

    def get_additional_claims(self, request):
        users = json.loads(os.environ["PROVIDER_USERS"])
        return {
            "preferred_username": request.user.username,
            **users[request.user.username]["claims"],
        }
