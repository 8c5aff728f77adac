"""Seed: UBND tỉnh Đồng Tháp, Kế hoạch thực hiện Chỉ thị 14/CT-TTg (shared/seeds/002_4761e5192e9100c0.txt).

Về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập giai đoạn 2021 - 2030 trên địa bàn tỉnh:
tasks with their lead and coordinating bodies (II) and the organisation of the work (III). The text sets no
numeric target and no reporting date ("định kỳ báo cáo"), and gives no number nor date. Its one target is a
status: thành phố Sa Đéc keeps its membership of the UNESCO global network of learning cities (II.2.b).
"""

from __future__ import annotations

import datetime

from plans.models import DueKind, Plan, PlanKind, PlanStatus, TargetKind
from units.models import AgencyKind

from ._common import agency, document, legacy_unit, national_unit, plan, target, task

UNIT_CODE = "87"  # Tỉnh Đồng Tháp
SA_DEC, CAO_LANH, HONG_NGU = "867", "866", "868"  # the three provincial cities
DIRECTIVE = "14/CT-TTg"
DIRECTIVE_TITLE = "Về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập giai đoạn 2021-2030"
TITLE = (
    "Về đẩy mạnh công tác khuyến học, khuyến tài, xây dựng xã hội học tập giai đoạn 2021 - 2030 trên địa bàn tỉnh "
    "Đồng Tháp"
)

#: key -> (name, kind, short name, unit code). On the province unless a unit code is given.
AGENCIES: dict[str, tuple[str, str, str, str]] = {
    "sgd": ("Sở Giáo dục và Đào tạo", AgencyKind.EDUCATION_DEPARTMENT, "Sở GD&ĐT", UNIT_CODE),
    "snv": ("Sở Nội vụ", AgencyKind.DEPARTMENT, "", UNIT_CODE),
    "svh": ("Sở Văn hóa, Thể thao và Du lịch", AgencyKind.DEPARTMENT, "Sở VH,TT&DL", UNIT_CODE),
    "stc": ("Sở Tài chính", AgencyKind.DEPARTMENT, "", UNIT_CODE),
    "sld": ("Sở Lao động - Thương binh và Xã hội", AgencyKind.DEPARTMENT, "Sở LĐ-TB&XH", UNIT_CODE),
    "stt": ("Sở Thông tin và Truyền thông", AgencyKind.DEPARTMENT, "Sở TT&TT", UNIT_CODE),
    "sngv": ("Sở Ngoại vụ", AgencyKind.DEPARTMENT, "", UNIT_CODE),
    "songanh": ("Các sở, ban, ngành Tỉnh", AgencyKind.DEPARTMENT, "", UNIT_CODE),
    "huyen": ("Ủy ban nhân dân huyện, thành phố", AgencyKind.PEOPLES_COMMITTEE, "UBND cấp huyện", UNIT_CODE),
    "bcd": ("Bộ phận chỉ đạo xây dựng xã hội học tập các cấp", AgencyKind.STEERING_COMMITTEE, "", UNIT_CODE),
    "hkh": ("Hội Khuyến học Tỉnh", AgencyKind.LEARNING_ASSOCIATION, "", UNIT_CODE),
    "dai": ("Đài Phát thanh và Truyền hình Đồng Tháp", AgencyKind.OTHER, "", UNIT_CODE),
    "cong": ("Cổng Thông tin điện tử Tỉnh", AgencyKind.OTHER, "", UNIT_CODE),
    "bao": ("Báo Đồng Tháp", AgencyKind.OTHER, "", UNIT_CODE),
    "ldld": ("Liên đoàn Lao động Tỉnh", AgencyKind.MASS_ORGANISATION, "", UNIT_CODE),
    "tcxh": (
        "Các tổ chức chính trị - xã hội, xã hội nghề nghiệp và tổ chức xã hội",
        AgencyKind.MASS_ORGANISATION,
        "",
        UNIT_CODE,
    ),
    "mttq": ("Ủy ban Mặt trận Tổ quốc Việt Nam Tỉnh", AgencyKind.MASS_ORGANISATION, "UBMTTQ Tỉnh", UNIT_CODE),
    "hnqt": ("Ban Chỉ đạo Hội nhập quốc tế", AgencyKind.STEERING_COMMITTEE, "", UNIT_CODE),
    "sadec": ("Ủy ban nhân dân thành phố Sa Đéc", AgencyKind.PEOPLES_COMMITTEE, "UBND TP Sa Đéc", SA_DEC),
    "caolanh": ("Ủy ban nhân dân thành phố Cao Lãnh", AgencyKind.PEOPLES_COMMITTEE, "UBND TP Cao Lãnh", CAO_LANH),
    "hongngu": ("Ủy ban nhân dân thành phố Hồng Ngự", AgencyKind.PEOPLES_COMMITTEE, "UBND TP Hồng Ngự", HONG_NGU),
}

_G = {"due_kind": DueKind.GUIDANCE}
_R = {"due_kind": DueKind.RECURRING}
_GLC = "mạng lưới “Thành phố học tập toàn cầu” do Tổ chức Giáo dục, Khoa học và Văn hóa của Liên hợp quốc"
_JOINT = "Đồng thực hiện: Ủy ban nhân dân huyện, thành phố"
_DEPTS_AND_DISTRICTS = {"lead": "songanh", "partners": ("huyen",), "partners_note": _JOINT}

#: Sections II (tasks, solutions and who does them) and III (organisation). ``lead``/``partners`` are AGENCIES keys.
TASKS: list[dict] = [
    # 1. Kiện toàn bộ phận chỉ đạo xây dựng xã hội học tập giai đoạn 2021 - 2030
    {
        "section": "II.1",
        "title": (
            "Nghiên cứu, tham mưu Ủy ban nhân dân Tỉnh kiện toàn Hội đồng Giáo dục và phát triển nhân lực tỉnh Đồng "
            "Tháp; chỉ đạo xây dựng xã hội học tập giai đoạn 2021 - 2030 cấp tỉnh"
        ),
        "description": "Theo Chỉ thị số 14/CT-TTg ngày 25 tháng 5 năm 2021 của Thủ tướng Chính phủ.",
        "lead": "sgd",
        "partners": ("snv", "songanh"),
        **_G,
    },
    {
        "section": "II.1",
        "title": (
            "Kiện toàn bộ phận chỉ đạo công tác xây dựng xã hội học tập ở địa phương theo hướng thiết thực, hiệu quả"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "II.1",
        "title": (
            "Tăng cường chỉ đạo, kiểm tra, đôn đốc việc triển khai thực hiện quyết liệt, đồng bộ, hiệu quả các nhiệm "
            "vụ và giải pháp đề ra tại Chỉ thị số 14/CT-TTg"
        ),
        "description": (
            "Và Kế hoạch số 132/KH-UBND ngày 08 tháng 6 năm 2020 của Ủy ban nhân dân Tỉnh về thực hiện Quyết định "
            "số 489/QĐ-TTg ngày 08 tháng 4 năm 2020 của Thủ tướng Chính phủ."
        ),
        "lead": "bcd",
        **_G,
    },
    # 2. Thực hiện việc đánh giá, xếp loại, công nhận các mô hình học tập
    {
        "section": "II.2.a",
        "title": (
            "Nghiên cứu, góp ý tiêu chí đơn vị học tập ở cấp huyện, cấp tỉnh, ở cơ quan, đơn vị và tiêu chí huyện, "
            "thành phố học tập; chỉ đạo thực hiện việc đánh giá, xếp loại, công nhận các mô hình học tập"
        ),
        "description": (
            "Trong các tổ chức, cơ quan, đơn vị, địa phương; xây dựng mô hình tỉnh học tập, thành phố học tập, huyện "
            "học tập."
        ),
        **_DEPTS_AND_DISTRICTS,
        **_G,
    },
    {
        "section": "II.2.a",
        "title": (
            "Đẩy mạnh việc xây dựng cộng đồng học tập cấp xã tại các địa phương; tiếp tục thực hiện Đề án đẩy mạnh "
            "phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng giai đoạn 2021 - 2030"
        ),
        **_DEPTS_AND_DISTRICTS,
        **_G,
    },
    {
        "section": "II.2.a",
        "title": (
            "Thực hiện có hiệu quả Kế hoạch số 278/KH-UBND ngày 23 tháng 11 năm 2020 của Ủy ban nhân dân Tỉnh về "
            "triển khai thực hiện quy định về đánh giá, xếp loại “Đơn vị học tập” trên địa bàn tỉnh Đồng Tháp"
        ),
        **_DEPTS_AND_DISTRICTS,
        **_G,
    },
    {
        "section": "II.2.b",
        "title": f"Thành phố Sa Đéc tiếp tục duy trì và phát triển {_GLC} công nhận",
        "lead": "sadec",
        **_G,
    },
    {
        "section": "II.2.b",
        "title": f"Thành phố Cao Lãnh và thành phố Hồng Ngự xem xét, đăng ký tham gia {_GLC} điều hành",
        "lead": "caolanh",
        "partners": ("hongngu", "sgd", "hkh"),
        "partners_note": (
            "Đồng thực hiện: Ủy ban nhân dân thành phố Hồng Ngự; phối hợp: Sở Giáo dục và Đào tạo, Hội Khuyến học Tỉnh"
        ),
        **_G,
    },
    {
        "section": "II.2.c",
        "title": (
            "Nghiên cứu, góp ý bộ tiêu chí công dân học tập do Trung ương Hội Khuyến học Việt Nam đề xuất; tiếp tục "
            "thực hiện Đề án đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng đồng giai đoạn 2021 - "
            "2030"
        ),
        "description": "Đề nghị Hội Khuyến học Tỉnh phối hợp với các sở, ban, ngành Tỉnh và UBND cấp huyện.",
        "lead": "hkh",
        "partners": ("songanh", "huyen"),
        **_G,
    },
    # 3. Cơ sở giáo dục thường xuyên, trung tâm văn hóa - học tập cộng đồng
    {
        "section": "II.3.a",
        "title": (
            "Triển khai thực hiện quy chế kiểm tra, công nhận kết quả học tập của các cơ sở giáo dục thường xuyên "
            "trong Tỉnh"
        ),
        "description": (
            "Tăng cường sự tham gia của các cơ sở giáo dục đại học trong việc xây dựng xã hội học tập, phát triển "
            "tài nguyên giáo dục mở, đào tạo từ xa, chú trọng các hình thức, nội dung, chương trình, phương pháp học "
            "trực tuyến."
        ),
        "lead": "sgd",
        "partners": ("songanh",),
        **_G,
    },
    {
        "section": "II.3.b",
        "title": (
            "Tiếp tục chỉ đạo, hướng dẫn nâng cao hiệu quả hoạt động các trung tâm văn hóa - học tập cộng đồng cấp "
            "xã; triển khai hiệu quả Đề án phát triển Văn hóa đọc trong cộng đồng giai đoạn 2021 - 2025, định hướng "
            "đến năm 2030 trên địa bàn tỉnh Đồng Tháp"
        ),
        "lead": "svh",
        "partners": ("songanh", "huyen"),
        **_G,
    },
    {
        "section": "II.3.c",
        "title": (
            "Rà soát, đánh giá về tổ chức và hoạt động của Hội khuyến học các cấp; nâng cao hiệu quả quản lý nhà "
            "nước và tạo điều kiện để Hội khuyến học các cấp hoạt động đúng tôn chỉ, mục đích, điều lệ"
        ),
        "description": "Gồm Hội khuyến học, Hội khuyến học và Khoa học lịch sử, Hội khuyến học và Cựu giáo chức.",
        "lead": "snv",
        "partners": ("songanh", "huyen"),
        **_G,
    },
    {
        "section": "II.3.d",
        "title": (
            "Hướng dẫn Hội khuyến học các cấp củng cố, nâng cao chất lượng hoạt động của các tổ chức Hội và hội viên, "
            "phát huy vai trò nòng cốt của Hội trong thực hiện phong trào thi đua khuyến học, khuyến tài, xây dựng xã "
            "hội học tập"
        ),
        "lead": "hkh",
        **_G,
    },
    {
        "section": "II.3.đ",
        "title": (
            "Rà soát, củng cố và bảo đảm các nguồn lực để phát triển mạng lưới các cơ sở giáo dục thường xuyên, các "
            "thiết chế giáo dục ngoài nhà trường và các thiết chế văn hóa ở cơ sở hoạt động hiệu quả"
        ),
        "description": (
            "Đồng thời rà soát, củng cố và kiện toàn tổ chức, hoạt động của Hội khuyến học trên địa bàn, nâng cao "
            "chất lượng, hiệu quả mô hình Tổ nhân dân tự quản lồng ghép với công tác khuyến học."
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "II.3.đ",
        "title": (
            "Tăng cường cơ sở vật chất và hạ tầng công nghệ thông tin phục vụ cho việc đào tạo từ xa, đào tạo trực "
            "tuyến; tăng cường ứng dụng công nghệ thông tin và truyền thông trong các chương trình học tập thường "
            "xuyên, học tập suốt đời"
        ),
        "lead": "huyen",
        **_G,
    },
    # 4. Xóa mù chữ; đào tạo, bồi dưỡng cán bộ, công chức, viên chức
    {
        "section": "II.4.a",
        "title": (
            "Hướng dẫn thực hiện chương trình, tài liệu dạy học xóa mù chữ; cập nhật số liệu trên phần mềm Hệ thống "
            "thông tin quản lý phổ cập giáo dục, xóa mù chữ"
        ),
        "lead": "sgd",
        **_G,
    },
    {
        "section": "II.4.b",
        "title": (
            "Rà soát, thực hiện các chính sách để tăng cường huy động và đa dạng hóa các nguồn lực xã hội thúc đẩy "
            "công tác khuyến học, khuyến tài, xây dựng xã hội học tập"
        ),
        "description": (
            "Nghiên cứu, đề xuất cơ chế miễn giảm thuế đối với các doanh nghiệp tham gia các hoạt động giáo dục "
            "thường xuyên, công tác khuyến học, khuyến tài, xây dựng xã hội học tập."
        ),
        "lead": "stc",
        "partners": ("songanh",),
        **_G,
    },
    {
        "section": "II.4.c",
        "title": (
            "Rà soát hoàn thiện hệ thống văn bản quản lý về đào tạo, bồi dưỡng cán bộ, công chức, viên chức và đẩy "
            "mạnh việc thực hiện bồi dưỡng theo vị trí việc làm, chức danh, tiêu chuẩn ngạch công chức, tiêu chuẩn "
            "chức danh nghề nghiệp viên chức"
        ),
        "lead": "snv",
        "partners": ("songanh",),
        **_G,
    },
    {
        "section": "II.4.d",
        "title": (
            "Chỉ đạo Phòng Giáo dục và Đào tạo rà soát, cập nhật thông tin về người mù chữ trên Hệ thống thông tin "
            "quản lý phổ cập giáo dục, xóa mù chữ"
        ),
        "description": "Bảo đảm đúng quy định pháp luật về kiểm tra công nhận đạt chuẩn xóa mù chữ.",
        "lead": "huyen",
        **_G,
    },
    {
        "section": "II.4.đ",
        "title": (
            "Kịp thời đề xuất cấp có thẩm quyền xem xét sửa đổi, bổ sung, thay thế hoặc ban hành mới các quy định "
            "pháp luật liên quan đến ngành, lĩnh vực thuộc phạm vi quản lý, tạo điều kiện để tổ chức, cá nhân được "
            "tiếp cận hoặc tạo ra cơ hội học tập cho người dân"
        ),
        **_DEPTS_AND_DISTRICTS,
        **_G,
    },
    # 5. Mô hình học tập, ngành nghề đào tạo
    {
        "section": "II.5",
        "title": (
            "Mở rộng các hình thức giáo dục nghề nghiệp trong các doanh nghiệp, công ty, dạy nghề gắn với sản xuất "
            "kinh doanh và dạy nghề ở nông thôn; nâng cao chất lượng, hiệu quả đào tạo, bồi dưỡng nâng cao trình độ, "
            "kỹ năng cho công nhân, người lao động"
        ),
        "lead": "sld",
        "partners": ("songanh", "huyen"),
        **_G,
    },
    # 6. Ngân sách
    {
        "section": "II.6",
        "title": (
            "Cân đối và bố trí ngân sách nhà nước theo phân cấp, huy động nguồn tài trợ, nguồn thu hợp pháp khác để "
            "tổ chức thực hiện công tác khuyến học, khuyến tài, xây dựng xã hội học tập và kế hoạch kiểm tra, đánh "
            "giá, công nhận các mô hình học tập"
        ),
        "lead": "stc",
        "partners": ("songanh", "huyen"),
        **_G,
    },
    # 7. Thông tin, tuyên truyền
    {
        "section": "II.7.a",
        "title": (
            "Định hướng, hướng dẫn các cơ quan báo chí trong tỉnh và hệ thống thông tin cơ sở thực hiện thông tin, "
            "tuyên truyền vai trò, vị trí quan trọng của công tác khuyến học, khuyến tài, xây dựng xã hội học tập "
            "giai đoạn 2021 - 2030"
        ),
        "lead": "stt",
        **_G,
    },
    {
        "section": "II.7.b",
        "title": (
            "Xây dựng chuyên trang, chuyên mục đăng tải các thông tin, phóng sự, chuyên đề về những tập thể, cá nhân "
            "điển hình, gương sáng hiếu học, tự học thành tài, tích cực học tập suốt đời"
        ),
        "lead": "dai",
        "partners": ("cong", "bao"),
        "partners_note": "Đồng thực hiện: Cổng Thông tin điện tử Tỉnh; đề nghị Báo Đồng Tháp",
        **_G,
    },
    {
        "section": "II.7.c",
        "title": (
            "Hướng dẫn đưa nhiệm vụ khuyến học, khuyến tài, xây dựng xã hội học tập của chính quyền cơ sở, các cơ "
            "quan, đơn vị, tổ chức đoàn thể vào nội dung đánh giá thi đua hằng năm"
        ),
        "lead": "snv",
        "partners": ("songanh",),
        **_G,
    },
    # 8. Các tổ chức chính trị - xã hội, xã hội nghề nghiệp và tổ chức xã hội
    {
        "section": "II.8.a",
        "title": (
            "Tích cực tham gia công tác khuyến học, khuyến tài, xây dựng xã hội học tập theo tinh thần xã hội hoá "
            "giáo dục; huy động hội viên tham gia chuyển giao công nghệ, hỗ trợ hoạt động khởi nghiệp, phổ biến kiến "
            "thức cho người dân"
        ),
        "lead": "tcxh",
        **_G,
    },
    {
        "section": "II.8.b",
        "title": (
            "Hướng dẫn Hội khuyến học các cấp xây dựng tổ chức Hội khuyến học trong các cơ quan, tổ chức, doanh "
            "nghiệp, trường học, bệnh viện, lực lượng vũ trang trên địa bàn Tỉnh"
        ),
        "lead": "hkh",
        **_G,
    },
    {
        "section": "II.8.c",
        "title": (
            "Hướng dẫn công đoàn tại các doanh nghiệp vận động người sử dụng lao động tạo điều kiện để công nhân, "
            "người lao động được học tập nâng cao trình độ, kỹ năng; thành lập quỹ khuyến học, khuyến tài hỗ trợ công "
            "nhân và con em công nhân nghèo hiếu học"
        ),
        "lead": "ldld",
        **_G,
    },
    # 9. Hợp tác quốc tế
    {
        "section": "II.9.a",
        "title": (
            "Tăng cường liên kết, trao đổi, hợp tác quốc tế về chuyển giao công nghệ xây dựng, phát triển và khai "
            "thác tài nguyên giáo dục mở, từ xa, trực tuyến phù hợp với điều kiện của tỉnh"
        ),
        "lead": "sgd",
        "partners": ("sngv", "songanh"),
        **_G,
    },
    {
        "section": "II.9.a",
        "title": (
            "Xây dựng và tổ chức thực hiện các chương trình, hoạt động hợp tác, chia sẻ kinh nghiệm với các tổ chức "
            "quốc tế và các nước có kinh nghiệm về học tập suốt đời, xây dựng xã hội học tập, nhất là các nước trong "
            "cộng đồng ASEAN"
        ),
        "lead": "sgd",
        "partners": ("sngv", "songanh"),
        **_G,
    },
    {
        "section": "II.9.a",
        "title": (
            "Hướng dẫn các cơ sở giáo dục mở rộng, tăng cường liên kết đào tạo với những cơ sở giáo dục của nước "
            "ngoài có uy tín; đồng thời quản lý chặt chẽ chất lượng đào tạo"
        ),
        "lead": "sgd",
        "partners": ("sngv", "songanh"),
        **_G,
    },
    {
        "section": "II.9.a",
        "title": (
            "Huy động đội ngũ trí thức là người Việt Nam ở nước ngoài tham gia đóng góp hoạt động khuyến học, khuyến "
            "tài và xây dựng xã hội học tập"
        ),
        "description": "Trong đó có người quê ở Đồng Tháp.",
        "lead": "sgd",
        "partners": ("sngv", "songanh"),
        **_G,
    },
    {
        "section": "II.9.b",
        "title": (
            "Tăng cường phối hợp với các cơ quan tổ chức phi chính phủ, doanh nghiệp trong và ngoài tỉnh trong việc "
            "huy động các nguồn lực tài chính hợp pháp để tạo ra các cơ hội học tập cho mọi người"
        ),
        "lead": "huyen",
        **_G,
    },
    {
        "section": "II.9.b",
        "title": "Thực hiện xây dựng “Công dân học tập” trong cán bộ, đảng viên và Nhân dân",
        "lead": "huyen",
        **_G,
    },
    {
        "section": "II.9.c",
        "title": (
            "Phát huy vai trò trong công tác thúc đẩy các chương trình hợp tác về giáo dục và đào tạo với các trường "
            "đại học, các tổ chức văn hóa, giáo dục ở nước ngoài"
        ),
        "lead": "hnqt",
        **_G,
    },
    # III. Tổ chức thực hiện
    {
        "section": "III.1",
        "title": (
            "Chỉ đạo xây dựng và ban hành Kế hoạch thực hiện các nội dung được phân công tại Kế hoạch này; kiểm tra, "
            "đôn đốc việc triển khai thực hiện Kế hoạch tại cơ quan, địa phương quản lý"
        ),
        "description": "Thủ trưởng các sở, ban, ngành Tỉnh, Chủ tịch Ủy ban nhân dân cấp huyện.",
        **_DEPTS_AND_DISTRICTS,
        **_G,
    },
    {
        "section": "III.1",
        "title": (
            "Chỉ đạo sơ kết, đánh giá việc triển khai thực hiện Kế hoạch gắn với đánh giá kết quả công tác hằng năm "
            "của cơ quan, đơn vị và người đứng đầu cơ quan, đơn vị"
        ),
        **_DEPTS_AND_DISTRICTS,
        "due_text": "Hằng năm",
        **_R,
    },
    {
        "section": "III.2",
        "title": "Theo dõi, đôn đốc, kiểm tra, giám sát việc triển khai thực hiện Kế hoạch",
        "lead": "sgd",
        "partners": ("songanh", "huyen"),
        **_G,
    },
    {
        "section": "III.2",
        "title": (
            "Định kỳ báo cáo Bộ Giáo dục và Đào tạo, Ủy ban nhân dân Tỉnh tình hình thực hiện; đề xuất các biện pháp "
            "bảo đảm thực hiện Kế hoạch đồng bộ, hiệu quả"
        ),
        "lead": "sgd",
        "due_text": "Định kỳ (văn bản không ghi hạn)",
        **_R,
    },
    {
        "section": "III.3",
        "title": (
            "Thẩm định dự toán kinh phí, tham mưu Ủy ban nhân dân Tỉnh bố trí ngân sách nhà nước để thực hiện Kế "
            "hoạch phù hợp khả năng ngân sách và theo đúng quy định hiện hành"
        ),
        "lead": "stc",
        **_G,
    },
    {
        "section": "III.4",
        "title": (
            "Phát động các cuộc vận động, phong trào thi đua về khuyến học, khuyến tài, xây dựng xã hội học tập trên "
            "địa bàn tỉnh"
        ),
        "description": "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam Tỉnh và các tổ chức thành viên.",
        "lead": "mttq",
        **_G,
    },
]

PURPOSE = (
    "1. Tiếp tục nâng cao chất lượng, hiệu quả công tác khuyến học, khuyến tài, xây dựng xã hội học tập theo Kết "
    "luận số 49-KL/TW ngày 10 tháng 5 năm 2019 của Ban Bí thư Trung ương Đảng về tiếp tục thực hiện Chỉ thị số "
    "11-CT/TW ngày 13 tháng 4 năm 2007 của Bộ Chính trị khóa X; Quyết định số 281/QĐ-TTg ngày 20 tháng 02 năm 2014 "
    "của Thủ tướng Chính phủ phê duyệt Đề án “Đẩy mạnh phong trào học tập suốt đời trong gia đình, dòng họ, cộng "
    "đồng đến năm 2020” và Quyết định số 489/QĐ-TTg ngày 08 tháng 4 năm 2020 của Thủ tướng Chính phủ ban hành Kế "
    "hoạch thực hiện Kết luận số 49-KL/TW.\n"
    "2. Nâng cao vai trò trách nhiệm của người đứng đầu cấp ủy, chính quyền, Mặt trận Tổ quốc và các tổ chức chính "
    "trị - xã hội, xã hội nghề nghiệp và tổ chức xã hội; huy động sức mạnh tổng hợp của cả hệ thống chính trị, các "
    "tổ chức, doanh nghiệp, các tầng lớp Nhân dân, ngành giáo dục và các cấp Hội Khuyến học tiếp tục phát huy tinh "
    "thần chủ động, sáng tạo, đẩy mạnh phong trào học tập suốt đời trong nhân dân; qua đó nâng cao nhận thức của "
    "Nhân dân về tầm quan trọng, ý nghĩa chiến lược của chủ trương xây dựng xã hội học tập, thúc đẩy việc học tập "
    "suốt đời cho mọi người."
)

SA_DEC_NOTE = (
    "Thành phố Sa Đéc tiếp tục duy trì và phát triển mạng lưới “Thành phố học tập toàn cầu” do Tổ chức Giáo dục, "
    "Khoa học và Văn hóa của Liên hợp quốc công nhận (mục II.2.b; 2 = là thành viên mạng lưới)"
)


def _parent() -> Plan:
    """Chỉ thị 14/CT-TTg as written by the national module; kept as a reference plan if that module lacks it."""
    from . import national

    national.load()
    found = Plan.objects.filter(unit=national_unit(), number=DIRECTIVE).first()
    if found is not None:
        return found
    return plan(
        unit=national_unit(),
        number=DIRECTIVE,
        title=DIRECTIVE_TITLE,
        issuing_body="Thủ tướng Chính phủ",
        start_year=2021,
        end_year=2030,
        issued_on=datetime.date(2021, 5, 25),
        kind=PlanKind.DIRECTIVE,
        status=PlanStatus.REFERENCE,
    )


def get_plan() -> Plan:
    return Plan.objects.get(unit=legacy_unit(UNIT_CODE), title=TITLE)


def load() -> None:
    parent = _parent()
    province = legacy_unit(UNIT_CODE)
    agencies = {
        key: agency(legacy_unit(code), name, kind, short) for key, (name, kind, short, code) in AGENCIES.items()
    }
    basis = [document(DIRECTIVE, DIRECTIVE_TITLE, "Thủ tướng Chính phủ", datetime.date(2021, 5, 25))]
    obj = plan(
        unit=province,
        number="",
        title=TITLE,
        issuing_body="UBND tỉnh Đồng Tháp",
        start_year=2021,
        end_year=2030,
        parent=parent,
        status=PlanStatus.ISSUED,
        legal_basis=basis,
        purpose=PURPOSE,
        funding=(
            "Ngân sách nhà nước theo phân cấp, nguồn tài trợ, nguồn thu hợp pháp khác (nếu có) (mục II.6); Sở Tài "
            "chính thẩm định dự toán kinh phí, tham mưu Ủy ban nhân dân Tỉnh bố trí ngân sách (mục III.3)."
        ),
        source_note="Kế hoạch (không ghi số, ngày) của UBND tỉnh Đồng Tháp (shared/seeds/002_4761e5192e9100c0.txt)",
    )

    target(
        obj,
        "GLOBAL_LEARNING_CITY",
        2030,
        2,
        TargetKind.MAINTAIN,
        unit=legacy_unit(SA_DEC),
        note=SA_DEC_NOTE,
    )

    for i, data in enumerate(TASKS, start=1):
        fields = dict(data)
        title = fields.pop("title")
        lead = agencies[fields.pop("lead")] if "lead" in fields else None
        partners = [agencies[key] for key in fields.pop("partners", ())]
        task(obj, title, lead=lead, partners=partners, order=i, **fields)
