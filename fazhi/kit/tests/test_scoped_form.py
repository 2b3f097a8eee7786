"""A plain record's form declared in one line is a ScopedModelForm of the model's fields,
with the class attributes it is given."""

import pytest

from fazhi.kit.screens import ScopedModelForm, scoped_form
from fazhi.org.models import Person, UnitKind
from fazhi.org.scope import writable_units
from fazhi.testing import make_unit

pytestmark = pytest.mark.django_db


def test_the_form_has_the_fields_in_order_and_offers_only_writable_units(liaison_a1):
    form_class = scoped_form(Person, "unit", "name", "phone")
    assert form_class.__name__ == "PersonForm"
    assert issubclass(form_class, ScopedModelForm)
    assert form_class.Meta.model is Person
    assert list(form_class.base_fields) == ["unit", "name", "phone"]
    form = form_class(user=liaison_a1)
    assert set(form.fields["unit"].queryset) == set(writable_units(liaison_a1))


def test_class_attributes_narrow_the_units(coordinator, unit_a1):
    village = make_unit("竹沟东村", UnitKind.VILLAGE, parent=unit_a1)
    form_class = scoped_form(Person, "unit", "name", unit_kinds=(UnitKind.VILLAGE,))
    assert list(form_class(user=coordinator).fields["unit"].queryset) == [village]
    assert unit_a1 in scoped_form(Person, "unit")(user=coordinator).fields["unit"].queryset
