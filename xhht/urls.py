from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from plans.periods import PeriodConverter
from reports.views.home import home
from xhht.api import api

register_converter(PeriodConverter, "period")

urlpatterns = [
    path("", home, name="home"),
    path("dang-nhap/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("doi-mat-khau/xong/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("ngon-ngu/", include("django.conf.urls.i18n")),
    path("don-vi/", include("units.urls")),
    path("", include("plans.urls")),
    path("bao-cao/", include("reports.urls")),
    path("xuat/", include("exports.urls")),
    path("hoc-tap/", include("learning.urls")),
    path("thi-dua/", include("emulation.urls")),
    path("cong-viec/", include("jobs.urls")),
    path("quan-tri/", admin.site.urls),
    path("api/v1/", api.urls),
]

handler400 = "core.views.bad_request"
handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
