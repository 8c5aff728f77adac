"""Each person sees their unit's subtree and nothing else; outside it a page answers 404."""

from django.urls import reverse

from units.models import Unit

from .base import PASSWORD, PersonasTestCase


class UnitScopeTests(PersonasTestCase):
    def visible_codes(self, user):
        return set(Unit.objects.visible_to(user).values_list("code", flat=True))

    def test_it_limits_a_commune_reporter_to_their_commune(self):
        self.assertEqual(self.visible_codes(self.reporter), {"09910"})

    def test_it_gives_a_district_officer_the_district_and_its_communes(self):
        self.assertEqual(self.visible_codes(self.district_officer), {"271", "09910", "09913"})

    def test_it_gives_a_province_reviewer_the_whole_province(self):
        self.assertEqual(self.visible_codes(self.province_reviewer), {"01", "271", "09910", "09913", "017", "00499"})

    def test_it_gives_an_administrator_everything(self):
        self.assertEqual(Unit.objects.visible_to(self.admin).count(), Unit.objects.count())

    def test_it_answers_404_when_a_reporter_changes_the_id_in_the_url(self):
        self.client.login(username="reporter", password=PASSWORD)
        self.assertEqual(self.client.get(reverse("units:detail", args=[self.tanlinh.pk])).status_code, 200)
        response = self.client.get(reverse("units:detail", args=[self.batrai.pk]))
        self.assertEqual(response.status_code, 404)
        self.assertNotContains(response, "Ba Trại", status_code=404)

    def test_it_answers_404_for_a_unit_of_a_sibling_district(self):
        self.client.login(username="district2", password=PASSWORD)
        self.assertEqual(self.client.get(reverse("units:detail", args=[self.tanlinh.pk])).status_code, 404)

    def test_it_answers_404_for_another_province(self):
        self.client.login(username="province2", password=PASSWORD)
        self.assertEqual(self.client.get(reverse("units:detail", args=[self.bavi.pk])).status_code, 404)
        self.assertEqual(self.client.get(reverse("units:detail", args=[self.ytich.pk])).status_code, 200)

    def test_it_lists_only_units_in_scope(self):
        self.client.login(username="district", password=PASSWORD)
        response = self.client.get(reverse("units:list"))
        self.assertContains(response, "Xã Ba Trại")
        self.assertNotContains(response, "Xã Cổ Loa")
        self.assertNotContains(response, "Y Tịch")

    def test_it_sends_an_anonymous_visitor_to_the_login_page(self):
        response = self.client.get(reverse("units:list"))
        self.assertRedirects(response, reverse("login") + "?next=" + reverse("units:list"))


class TreeQueryTests(PersonasTestCase):
    def test_it_fetches_descendants_in_one_query(self):
        with self.assertNumQueries(1):
            codes = [u.code for u in Unit.objects.descendants_of(self.hanoi)]
        self.assertEqual(sorted(codes), ["00499", "017", "09910", "09913", "271"])

    def test_it_fetches_ancestors_in_one_query(self):
        with self.assertNumQueries(1):
            names = [u.name for u in Unit.objects.ancestors_of(self.tanlinh)]
        self.assertEqual(names, ["Việt Nam", "Thành phố Hà Nội", "Huyện Ba Vì"])

    def test_it_keeps_parent_and_path_in_step(self):
        for unit in Unit.objects.exclude(parent=None).select_related("parent"):
            self.assertTrue(unit.path.startswith(unit.parent.path))
            self.assertEqual(unit.depth, unit.parent.depth + 1)

    def test_it_refuses_a_parent_that_is_a_descendant(self):
        from django.core.exceptions import ValidationError

        from units.services import unit_move

        with self.assertRaises(ValidationError):
            unit_move(unit=self.bavi, new_parent=self.tanlinh)


class LanguageTests(PersonasTestCase):
    def test_it_serves_the_login_page_in_vietnamese(self):
        response = self.client.get(reverse("login"))
        self.assertContains(response, "<title>Đăng nhập · XHHT</title>", html=False)
        self.assertContains(response, 'lang="vi"')

    def test_it_stays_vietnamese_for_a_browser_set_to_english(self):
        response = self.client.get(reverse("login"), headers={"accept-language": "en"})
        self.assertContains(response, "<title>Đăng nhập · XHHT</title>", html=False)

    def test_it_serves_english_when_the_user_chooses_it(self):
        self.client.post(reverse("set_language"), {"language": "en", "next": reverse("login")})
        response = self.client.get(reverse("login"))
        self.assertContains(response, "<title>Log in · XHHT</title>", html=False)

    def test_it_formats_dates_and_numbers_the_vietnamese_way(self):
        import datetime
        from decimal import Decimal

        from django.utils import formats, translation

        with translation.override("vi"):
            self.assertEqual(formats.date_format(datetime.date(2025, 12, 15), "SHORT_DATE_FORMAT"), "15/12/2025")
            self.assertEqual(formats.number_format(Decimal("99.5"), 1), "99,5")
            self.assertEqual(formats.number_format(10600, use_l10n=True, force_grouping=True), "10.600")
