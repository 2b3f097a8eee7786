from django.urls import include, path

from fazhi.kit.xlsx_views import xlsx_urls
from fazhi.lists import views
from fazhi.lists.importing import ITEM_SHEET

app_name = "lists"

urlpatterns = [
    path("", views.item_list, name="list"),
    path("new/", views.item_new, name="new"),
    path("<int:pk>/", views.item_detail, name="detail"),
    path("<int:pk>/amend/", views.item_amend, name="amend"),
    path("<int:pk>/remove/", views.item_remove, name="remove"),
    path("adjustments/", views.adjustment_list, name="adjustments"),
    path("figures/", views.figures, name="figures"),
    path(
        "xlsx/",
        include((xlsx_urls(ITEM_SHEET, views.export_rows, list_url="/lists/"), "items_xlsx")),
    ),
    path("adjustments/xlsx/", include((views.adjustment_xlsx_urls, "adjustments_xlsx"))),
]
