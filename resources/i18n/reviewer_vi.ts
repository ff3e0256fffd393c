<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>CaseDialogs</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="18"/>
        <source>New case: choose or create an empty folder</source>
        <translation>Vụ việc mới: chọn hoặc tạo một thư mục trống</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="25"/>
        <source>Open case: choose its folder</source>
        <translation>Mở vụ việc: chọn thư mục của vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="37"/>
        <source>Add recordings and screenshots</source>
        <translation>Thêm bản ghi và ảnh chụp màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="39"/>
        <source>Recordings and screenshots</source>
        <translation>Bản ghi và ảnh chụp màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="41"/>
        <source>All files</source>
        <translation>Mọi tệp</translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="49"/>
        <source>Add a whole folder</source>
        <translation>Thêm cả thư mục</translation>
    </message>
</context>
<context>
    <name>DecideCommand</name>
    <message>
        <location filename="../../ui/undo.py" line="32"/>
        <source>flag {id}: {status}</source>
        <translation>cảnh báo {id}: {status}</translation>
    </message>
</context>
<context>
    <name>FlagDetail</name>
    <message>
        <location filename="../../ui/flag_detail.py" line="127"/>
        <source>Reveal picture (V)</source>
        <translation>Hiện ảnh (V)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="129"/>
        <source>The picture may be obscene; it is blurred until you choose to see it.</source>
        <translation>Ảnh có thể có nội dung khiêu dâm; ảnh được làm mờ cho đến khi cán bộ chọn xem.</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="131"/>
        <source>Play flag (P)</source>
        <translation>Phát đoạn cảnh báo (P)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="132"/>
        <source>Confirm (C)</source>
        <translation>Xác nhận (C)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="133"/>
        <source>Reject (X)</source>
        <translation>Bác bỏ (X)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="134"/>
        <source>Unsure (U)</source>
        <translation>Chưa chắc (U)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="135"/>
        <source>Reset (0)</source>
        <translation>Đặt lại (0)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="136"/>
        <source>Note for this flag (N to write, Enter to save)</source>
        <translation>Ghi chú cho cảnh báo này (N để viết, Enter để lưu)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="137"/>
        <source>Save note</source>
        <translation>Lưu ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="139"/>
        <location filename="../../ui/flag_detail.py" line="150"/>
        <source>No flag selected.</source>
        <translation>Chưa chọn cảnh báo nào.</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="154"/>
        <location filename="../../ui/flag_detail.py" line="232"/>
        <source>No picture</source>
        <translation>Không có ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="166"/>
        <source>Loading picture…</source>
        <translation>Đang tải ảnh…</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="183"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="184"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="185"/>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="186"/>
        <source>Matched</source>
        <translation>Từ khớp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="187"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="192"/>
        <source>Decided by</source>
        <translation>Người quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="197"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="198"/>
        <source>File SHA-256</source>
        <translation>SHA-256 của tệp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="202"/>
        <source>Model</source>
        <translation>Mô hình</translation>
    </message>
</context>
<context>
    <name>FlagListPanel</name>
    <message>
        <location filename="../../ui/flag_list.py" line="218"/>
        <source>All categories</source>
        <translation>Mọi nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="222"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="227"/>
        <source>All sources</source>
        <translation>Mọi nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="230"/>
        <source>Score ≥</source>
        <translation>Điểm ≥</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="231"/>
        <source>Show one category</source>
        <translation>Chỉ hiện một nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="232"/>
        <source>Show one status</source>
        <translation>Chỉ hiện một trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="233"/>
        <source>Show one source</source>
        <translation>Chỉ hiện một nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="234"/>
        <source>Hide flags scored below this</source>
        <translation>Ẩn các cảnh báo có điểm thấp hơn mức này</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="251"/>
        <source>{shown} of {total} shown · {pending} to review</source>
        <translation>Hiện {shown}/{total} · còn {pending} cần xem xét</translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../../ui/flag_list.py" line="66"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="67"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="68"/>
        <source>Category</source>
        <translation>Nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="69"/>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="70"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="71"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="72"/>
        <source>Text / note</source>
        <translation>Nội dung / ghi chú</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/i18n.py" line="82"/>
        <source>pending</source>
        <translation>chờ xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="83"/>
        <source>confirmed</source>
        <translation>đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="84"/>
        <source>rejected</source>
        <translation>đã bác bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="85"/>
        <source>unsure</source>
        <translation>chưa chắc</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="91"/>
        <location filename="../../ui/i18n.py" line="101"/>
        <source>speech</source>
        <translation>giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="92"/>
        <location filename="../../ui/i18n.py" line="102"/>
        <source>on-screen text</source>
        <translation>chữ trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>image</source>
        <translation>hình ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="99"/>
        <source>queued</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="100"/>
        <source>hashing</source>
        <translation>đang băm</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <source>detecting</source>
        <translation>đang phát hiện</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="105"/>
        <source>failed</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="106"/>
        <source>already analysed</source>
        <translation>đã phân tích trước đó</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="107"/>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="108"/>
        <source>loading model</source>
        <translation>đang tải mô hình</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="356"/>
        <source>&amp;Case</source>
        <translation>&amp;Vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="357"/>
        <source>Recent cases</source>
        <translation>Vụ việc gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="358"/>
        <source>&amp;Review</source>
        <translation>&amp;Xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>&amp;Playback</source>
        <translation>&amp;Phát lại</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="363"/>
        <source>Tools</source>
        <translation>Công cụ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>Files in the case</source>
        <translation>Tệp trong vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="365"/>
        <source>Transcript and search</source>
        <translation>Lời thoại và tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="366"/>
        <source>Review</source>
        <translation>Xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="368"/>
        <source>Analysis queue</source>
        <translation>Hàng đợi phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="372"/>
        <source>Zoom in (+)</source>
        <translation>Phóng to (+)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="373"/>
        <source>Zoom out (-)</source>
        <translation>Thu nhỏ (-)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="374"/>
        <source>Whole recording (Z)</source>
        <translation>Toàn bộ bản ghi (Z)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="388"/>
        <source>Livestream Reviewer</source>
        <translation>Công cụ xem xét livestream</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="391"/>
        <source>Livestream Reviewer — case {name}</source>
        <translation>Công cụ xem xét livestream — vụ việc {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="397"/>
        <source>Officer: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="400"/>
        <source>Officer: {name} (set your name in Settings)</source>
        <translation>Cán bộ: {name} (đặt tên trong Cài đặt)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="409"/>
        <source>Speech ran on {device} ({compute})</source>
        <translation>Nhận dạng giọng nói chạy trên {device} ({compute})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>Analysing: {n} file(s) left</source>
        <translation>Đang phân tích: còn {n} tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="428"/>
        <source>Cannot open the case</source>
        <translation>Không mở được vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="485"/>
        <source>Not a case</source>
        <translation>Không phải vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486"/>
        <source>{folder} holds no case. Use New case to start one there.</source>
        <translation>{folder} không chứa vụ việc nào. Dùng “Vụ việc mới” để tạo tại đó.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="564"/>
        <source>No files found to add.</source>
        <translation>Không tìm thấy tệp nào để thêm.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="591"/>
        <source>Warning: {text}</source>
        <translation>Cảnh báo: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="789"/>
        <source>Decision not saved</source>
        <translation>Quyết định chưa được lưu</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="853"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>MediaList</name>
    <message>
        <location filename="../../ui/media_list.py" line="24"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="25"/>
        <source>audio</source>
        <translation>âm thanh</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="26"/>
        <source>screenshot</source>
        <translation>ảnh chụp màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="27"/>
        <source>unreadable</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="31"/>
        <source>waiting</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="32"/>
        <source>analysing</source>
        <translation>đang phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="33"/>
        <source>analysed</source>
        <translation>đã phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="34"/>
        <source>failed</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="45"/>
        <source>{n} flags</source>
        <translation>{n} cảnh báo</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../ui/player.py" line="139"/>
        <source>Speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="140"/>
        <location filename="../../ui/player.py" line="145"/>
        <source>Volume</source>
        <translation>Âm lượng</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="141"/>
        <source>Play / pause (Space)</source>
        <translation>Phát / tạm dừng (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="142"/>
        <source>Previous frame (,)</source>
        <translation>Khung hình trước (,)</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="143"/>
        <source>Next frame (.)</source>
        <translation>Khung hình sau (.)</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="144"/>
        <source>Playback speed ([ and ])</source>
        <translation>Tốc độ phát ([ và ])</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="147"/>
        <source>Open a case and choose a recording.</source>
        <translation>Mở một vụ việc và chọn bản ghi.</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="149"/>
        <source>♪ Audio only</source>
        <translation>♪ Chỉ có âm thanh</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="59"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="60"/>
        <source>Stage</source>
        <translation>Công đoạn</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="61"/>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="62"/>
        <source>Time left</source>
        <translation>Thời gian còn lại</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="63"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="67"/>
        <source>Cancel all</source>
        <translation>Hủy tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="71"/>
        <location filename="../../ui/queue_panel.py" line="90"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="118"/>
        <source>analysed</source>
        <translation>đã phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="119"/>
        <source>failed</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="120"/>
        <source>cancelled (saved work kept; add again to resume)</source>
        <translation>đã hủy (phần đã xong được giữ; thêm lại để tiếp tục)</translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="149"/>
        <source>{active} running or queued, {done} finished, {failed} failed</source>
        <translation>{active} đang chạy hoặc chờ, {done} đã xong, {failed} lỗi</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="48"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="64"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="66"/>
        <source>Detect automatically</source>
        <translation>Tự nhận biết</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="76"/>
        <source>Prompt the speech model with the category terms</source>
        <translation>Gợi ý các từ khóa vi phạm cho mô hình nhận dạng giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="80"/>
        <source>Automatic (GPU if usable)</source>
        <translation>Tự động (dùng GPU nếu được)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="82"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="92"/>
        <source>Flag thresholds (lower: more flags to review)</source>
        <translation>Ngưỡng cảnh báo (thấp hơn: nhiều cảnh báo hơn)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="104"/>
        <source>The shipped lexicons</source>
        <translation>Bộ từ khóa có sẵn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="112"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="113"/>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="114"/>
        <source>Spoken language</source>
        <translation>Ngôn ngữ nói</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>Speech model</source>
        <translation>Mô hình giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>Device</source>
        <translation>Thiết bị xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="119"/>
        <location filename="../../ui/settings_dialog.py" line="157"/>
        <source>Lexicon folder</source>
        <translation>Thư mục từ khóa</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="120"/>
        <source>New thresholds and lexicons apply to files analysed from now on.</source>
        <translation>Ngưỡng và bộ từ khóa mới áp dụng cho các tệp được phân tích từ nay.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="125"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="126"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139"/>
        <source>Will run on: {device} ({compute})</source>
        <translation>Sẽ chạy trên: {device} ({compute})</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="143"/>
        <source>Last analysis ran on: {used}</source>
        <translation>Lần phân tích gần nhất chạy trên: {used}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="148"/>
        <source>The GPU cannot be used on this computer; analysis will run on the CPU, which is slower.</source>
        <translation>Không dùng được GPU trên máy này; việc phân tích sẽ chạy trên CPU và chậm hơn.</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="26"/>
        <source>Case</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="27"/>
        <source>Review</source>
        <translation>Xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="28"/>
        <source>Playback and timeline</source>
        <translation>Phát lại và dòng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="31"/>
        <source>New case…</source>
        <translation>Vụ việc mới…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="32"/>
        <source>Open case…</source>
        <translation>Mở vụ việc…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>Open the demo case</source>
        <translation>Mở vụ việc mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="34"/>
        <source>Add files…</source>
        <translation>Thêm tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="36"/>
        <source>Add folder…</source>
        <translation>Thêm thư mục…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="38"/>
        <source>Cancel all analysis</source>
        <translation>Hủy mọi phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="39"/>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="41"/>
        <source>Next flag</source>
        <translation>Cảnh báo sau</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="42"/>
        <source>Previous flag</source>
        <translation>Cảnh báo trước</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="43"/>
        <source>Play the flag</source>
        <translation>Phát đoạn cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="44"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="45"/>
        <source>Reject</source>
        <translation>Bác bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="46"/>
        <source>Unsure</source>
        <translation>Chưa chắc</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="47"/>
        <source>Back to pending</source>
        <translation>Trở về chờ xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="48"/>
        <source>Write a note</source>
        <translation>Viết ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="50"/>
        <source>Reveal a blurred picture</source>
        <translation>Hiện ảnh đang làm mờ</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="52"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="53"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="54"/>
        <source>Play / pause</source>
        <translation>Phát / tạm dừng</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="55"/>
        <source>Back 5 seconds</source>
        <translation>Lùi 5 giây</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="56"/>
        <source>Forward 5 seconds</source>
        <translation>Tới 5 giây</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="57"/>
        <source>Previous frame</source>
        <translation>Khung hình trước</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="58"/>
        <source>Next frame</source>
        <translation>Khung hình sau</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="59"/>
        <source>Slower</source>
        <translation>Chậm hơn</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="60"/>
        <source>Faster</source>
        <translation>Nhanh hơn</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="61"/>
        <source>Zoom timeline in</source>
        <translation>Phóng to dòng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="62"/>
        <source>Zoom timeline out</source>
        <translation>Thu nhỏ dòng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="63"/>
        <source>Whole recording</source>
        <translation>Toàn bộ bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="67"/>
        <source>Search transcripts and on-screen text</source>
        <translation>Tìm trong lời thoại và chữ trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="70"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../ui/timeline.py" line="174"/>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="175"/>
        <source>Speech</source>
        <translation>Giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="176"/>
        <source>On-screen text</source>
        <translation>Chữ trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="177"/>
        <source>Audio</source>
        <translation>Âm thanh</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="377"/>
        <source>&lt;b&gt;{category}&lt;/b&gt; ({status})&lt;br&gt;{start}–{end} · {source} · score {score:.2f}&lt;br&gt;Matched: {matched}&lt;br&gt;&lt;i&gt;{text}&lt;/i&gt;</source>
        <translation>&lt;b&gt;{category}&lt;/b&gt; ({status})&lt;br&gt;{start}–{end} · {source} · điểm {score:.2f}&lt;br&gt;Từ khớp: {matched}&lt;br&gt;&lt;i&gt;{text}&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../ui/transcript_pane.py" line="217"/>
        <source>Search all transcripts and on-screen text (Ctrl+F)</source>
        <translation>Tìm trong mọi lời thoại và chữ trên màn hình (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="219"/>
        <source>No speech transcribed in this recording yet.</source>
        <translation>Bản ghi này chưa có lời thoại nào được nhận dạng.</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="245"/>
        <source>{n} found</source>
        <translation>Tìm thấy {n}</translation>
    </message>
</context>
</TS>
