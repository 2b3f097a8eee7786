"""Our own static files are served (no CDN), and date inputs render as the browser needs."""

from datetime import date

from django import forms
from django.contrib.staticfiles import finders
from django.utils import translation


def test_the_stylesheet_and_vendored_scripts_are_found():
    for name in ("fazhi/fazhi.css", "vendor/htmx/htmx.min.js", "vendor/echarts/echarts.min.js"):
        assert finders.find(name), name


def test_the_stylesheet_is_served(client, db):
    r = client.get("/static/fazhi/fazhi.css")
    assert r.status_code == 200


def test_date_inputs_render_iso_dates_in_chinese():
    class F(forms.Form):
        d = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    with translation.override("zh-hans"):
        html = str(F(initial={"d": date(2024, 10, 8)})["d"])
        assert 'value="2024-10-08"' in html
        assert F(data={"d": "2024/10/08"}).is_valid()
        assert F(data={"d": "2024年10月8日"}).is_valid()
