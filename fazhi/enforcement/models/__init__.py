"""Administrative enforcement: officers' certificates and their annual review, cases
under the three systems (三项制度), leniency lists, case-file review, supervision
letters and each unit's yearly enforcement data publication.

Every state change goes through `apply()` (fazhi.core.workflow) with the transition
tables of `rules.py`. Cases are the volume register (5,000–20,000 a county-year): the
xlsx import bulk-creates historic cases whose state follows from their dates
(`Case.prepare_history`), checked by the same `clean()` as a case made on the screens.

One module a sub-register; everything is re-exported here, so
`from fazhi.enforcement.models import Case` keeps working and Django finds the models.
"""

from fazhi.enforcement.models.cases import (
    CASE_DATES,
    Case,
    CaseQuerySet,
)
from fazhi.enforcement.models.certificates import (
    AnnualReview,
    Certificate,
    CertificateQuerySet,
    CertificateRenewal,
    RenewalRefresh,
    may_enforce,
    may_not_enforce,
    open_renewal_deadlines,
    refresh_renewal_deadlines,
)
from fazhi.enforcement.models.leniency import (
    LeniencyItem,
    LeniencyList,
    PublishedRulesQuerySet,
    applying_paths,
)
from fazhi.enforcement.models.letters import (
    SupervisionLetter,
    SupervisionLetterQuerySet,
)
from fazhi.enforcement.models.publications import (
    DataPublication,
)
from fazhi.enforcement.models.reviews import (
    Criterion,
    Deduction,
    FileReview,
    ReviewSheet,
)

__all__ = [
    "AnnualReview",
    "CASE_DATES",
    "Case",
    "CaseQuerySet",
    "Certificate",
    "CertificateQuerySet",
    "CertificateRenewal",
    "Criterion",
    "DataPublication",
    "Deduction",
    "FileReview",
    "LeniencyItem",
    "LeniencyList",
    "PublishedRulesQuerySet",
    "applying_paths",
    "RenewalRefresh",
    "ReviewSheet",
    "SupervisionLetter",
    "SupervisionLetterQuerySet",
    "may_enforce",
    "may_not_enforce",
    "open_renewal_deadlines",
    "refresh_renewal_deadlines",
]
