<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>AnalysisController</name>
    <message>
        <location filename="../../ui/analysis_controller.py" line="59"/>
        <source>No files found to add.</source>
        <translation>Không tìm thấy tệp nào để thêm.</translation>
    </message>
    <message>
        <location filename="../../ui/analysis_controller.py" line="88"/>
        <source>Warning: {text}</source>
        <translation>Cảnh báo: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/analysis_controller.py" line="96"/>
        <source>the GPU was chosen in Settings but none can be used here; speech runs on the processor (CPU), which is slower.</source>
        <translation>đã chọn GPU trong Cài đặt nhưng máy này không dùng được GPU; nhận dạng giọng nói chạy trên bộ xử lý (CPU), chậm hơn.</translation>
    </message>
    <message>
        <location filename="../../ui/analysis_controller.py" line="101"/>
        <source>the GPU could not load the speech model; speech runs on the processor (CPU), which is slower.</source>
        <translation>GPU không nạp được mô hình giọng nói; nhận dạng giọng nói chạy trên bộ xử lý (CPU), chậm hơn.</translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../../ui/case_controller.py" line="47"/>
        <source>Cannot open the case</source>
        <translation>Không mở được vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="115"/>
        <source>Not a case</source>
        <translation>Không phải vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="116"/>
        <source>{folder} holds no case. Use New case to start one there.</source>
        <translation>{folder} không chứa vụ việc nào. Dùng “Vụ việc mới” để tạo tại đó.</translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="143"/>
        <source>Export evidence</source>
        <translation>Xuất chứng cứ</translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="143"/>
        <source>Open a case first, then export it.</source>
        <translation>Hãy mở một vụ việc trước rồi mới xuất.</translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="158"/>
        <source>Merge a reviewed copy</source>
        <translation>Gộp bản sao đã xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="158"/>
        <source>Open a case first, then merge.</source>
        <translation>Hãy mở một vụ việc trước, rồi hợp nhất.</translation>
    </message>
</context>
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
    <message>
        <location filename="../../ui/undo.py" line="68"/>
        <source>add a flag</source>
        <translation>thêm cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="99"/>
        <source>flag {id}: new span</source>
        <translation>cảnh báo {id}: khoảng thời gian mới</translation>
    </message>
</context>
<context>
    <name>DestinationInfo</name>
    <message>
        <location filename="../../ui/export_destination.py" line="28"/>
        <source>Choose the USB stick (or a folder on it) to write the package to.</source>
        <translation>Chọn USB (hoặc một thư mục trên đó) để ghi gói chứng cứ.</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="35"/>
        <source>This folder does not exist: plug in the stick or choose another.</source>
        <translation>Thư mục này không tồn tại: hãy cắm USB hoặc chọn thư mục khác.</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="48"/>
        <source>Free space: {free} · file system: {fs}</source>
        <translation>Dung lượng trống: {free} · hệ thống tệp: {fs}</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="49"/>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="57"/>
        <source>The originals of these flags take {size}.</source>
        <translation>Bản gốc của các cảnh báo này chiếm {size}.</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="63"/>
        <source>Not enough free space on this stick.</source>
        <translation>USB này không đủ dung lượng trống.</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="66"/>
        <source>FAT32: it cannot hold files of 4 GiB or more.</source>
        <translation>FAT32: không chứa được tệp từ 4 GiB trở lên.</translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="73"/>
        <source>{name} is {size}: too large for FAT32. Use a stick formatted as exFAT or NTFS.</source>
        <translation>{name} có dung lượng {size}: quá lớn với FAT32. Hãy dùng USB định dạng exFAT hoặc NTFS.</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="295"/>
        <source>Item</source>
        <translation>Mục</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="295"/>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="297"/>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="315"/>
        <source>Checking the models, the GPU and the disk…</source>
        <translation>Đang kiểm tra mô hình, GPU và ổ đĩa…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="367"/>
        <source>Problems found: {n}</source>
        <translation>Phát hiện {n} vấn đề</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="372"/>
        <source>Ready, with warnings</source>
        <translation>Sẵn sàng, có cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="376"/>
        <source>Everything is ready</source>
        <translation>Mọi thứ đã sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="379"/>
        <source>Problems</source>
        <translation>Vấn đề</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="383"/>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="405"/>
        <location filename="../../ui/settings_dialog.py" line="410"/>
        <source>System</source>
        <translation>Hệ thống</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="420"/>
        <source>Analysis will use</source>
        <translation>Phân tích sẽ dùng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="427"/>
        <source>speech on {device} ({compute}), images and on-screen text on {vision}</source>
        <translation>giọng nói trên {device} ({compute}), hình ảnh và chữ trên màn hình trên {vision}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="434"/>
        <source>Device setting</source>
        <translation>Thiết lập thiết bị</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="436"/>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="442"/>
        <source>Models</source>
        <translation>Mô hình</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="443"/>
        <source>{ok} of {n} ready, hashes checked</source>
        <translation>{ok}/{n} sẵn sàng, đã kiểm tra mã băm</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="451"/>
        <source>ready, hash matches</source>
        <translation>sẵn sàng, mã băm khớp</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="453"/>
        <source>not ready</source>
        <translation>chưa sẵn sàng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="457"/>
        <source>Opt-in</source>
        <translation>Tùy chọn bật</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="457"/>
        <source>licence not stated</source>
        <translation>giấy phép chưa được công bố</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="459"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="460"/>
        <source>Licence</source>
        <translation>Giấy phép</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="461"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="462"/>
        <source>Origin</source>
        <translation>Nơi lấy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="463"/>
        <location filename="../../ui/settings_dialog.py" line="493"/>
        <source>Path</source>
        <translation>Đường dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="469"/>
        <source>GPU for speech (CTranslate2)</source>
        <translation>GPU cho nhận dạng giọng nói (CTranslate2)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="473"/>
        <source>{n} CUDA device(s)</source>
        <translation>{n} thiết bị CUDA</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="477"/>
        <source>Compute types on {device}</source>
        <translation>Kiểu tính toán trên {device}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="482"/>
        <source>onnxruntime providers</source>
        <translation>Bộ thực thi onnxruntime</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="488"/>
        <source>User folder</source>
        <translation>Thư mục người dùng</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="492"/>
        <source>{free:.1f} GiB free</source>
        <translation>còn trống {free:.1f} GiB</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="495"/>
        <source>Portable mode</source>
        <translation>Chế độ di động</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="495"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="498"/>
        <source>Versions</source>
        <translation>Phiên bản</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="500"/>
        <source>not installed</source>
        <translation>chưa cài đặt</translation>
    </message>
</context>
<context>
    <name>EvidenceStages</name>
    <message>
        <location filename="../../ui/evidence_task.py" line="83"/>
        <source>Opening the signing key</source>
        <translation>Đang mở khóa ký</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="84"/>
        <source>Checking the case and the destination</source>
        <translation>Đang kiểm tra vụ việc và nơi lưu</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="85"/>
        <source>Copying the originals</source>
        <translation>Đang sao chép bản gốc</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="86"/>
        <source>Cutting clips and stills</source>
        <translation>Đang cắt đoạn video và ảnh tĩnh</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="87"/>
        <source>Writing transcripts</source>
        <translation>Đang ghi bản chép lời</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="88"/>
        <source>Writing the report</source>
        <translation>Đang viết báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="89"/>
        <source>Sealing the package</source>
        <translation>Đang niêm phong gói</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="90"/>
        <source>Finishing on the destination</source>
        <translation>Đang hoàn tất trên nơi lưu</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="91"/>
        <source>Verifying the package</source>
        <translation>Đang kiểm tra gói</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="92"/>
        <source>Done</source>
        <translation>Xong</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="95"/>
        <source>intact, signed by a trusted key</source>
        <translation>nguyên vẹn, được ký bằng khóa tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="96"/>
        <source>TAMPERED</source>
        <translation>ĐÃ BỊ SỬA ĐỔI</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="97"/>
        <source>intact, but the signer is not trusted</source>
        <translation>nguyên vẹn, nhưng người ký không được tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="98"/>
        <source>not a complete package</source>
        <translation>không phải gói hoàn chỉnh</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="78"/>
        <source>Export evidence</source>
        <translation>Xuất chứng cứ</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="88"/>
        <source>Case: {name}</source>
        <translation>Vụ việc: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="91"/>
        <source>Destination (USB stick)</source>
        <translation>Nơi lưu (USB)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="93"/>
        <source>The folder the package is written into</source>
        <translation>Thư mục sẽ ghi gói chứng cứ vào</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="95"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="106"/>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="109"/>
        <source>Also export pending flags (not yet decided)</source>
        <translation>Xuất cả các cảnh báo đang chờ xem xét (chưa quyết định)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="116"/>
        <source>Officer&apos;s signing key</source>
        <translation>Khóa ký của cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="126"/>
        <source>The passphrase of this key</source>
        <translation>Mật khẩu của khóa này</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="130"/>
        <location filename="../../ui/export_dialog.py" line="153"/>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="135"/>
        <source>Optional</source>
        <translation>Không bắt buộc</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="139"/>
        <source>At least {n} characters</source>
        <translation>Ít nhất {n} ký tự</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="145"/>
        <source>You have no signing key yet: one is created now and protected by this passphrase. Nobody can recover a forgotten passphrase; keep it safe.</source>
        <translation>Cán bộ chưa có khóa ký: khóa sẽ được tạo ngay bây giờ và được bảo vệ bằng mật khẩu này. Không ai khôi phục được mật khẩu đã quên; hãy giữ cẩn thận.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="151"/>
        <source>Officer id</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="152"/>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="154"/>
        <source>Passphrase again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="170"/>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="173"/>
        <source>Cancel export</source>
        <translation>Hủy xuất</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="176"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="235"/>
        <source>{officer} — key {key_id}</source>
        <translation>{officer} — khóa {key_id}</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="241"/>
        <source>Create a signing key for me</source>
        <translation>Tạo khóa ký cho tôi</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="259"/>
        <source>Key {key_id}, fingerprint {fingerprint}</source>
        <translation>Khóa {key_id}, dấu vân tay {fingerprint}</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="267"/>
        <source>Choose the USB stick or folder for the package</source>
        <translation>Chọn USB hoặc thư mục để lưu gói chứng cứ</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="285"/>
        <source>{confirmed} confirmed and {pending} pending flag(s) will be exported.</source>
        <translation>Sẽ xuất {confirmed} cảnh báo đã xác nhận và {pending} cảnh báo đang chờ xem xét.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="288"/>
        <source>{confirmed} confirmed flag(s) will be exported.</source>
        <translation>Sẽ xuất {confirmed} cảnh báo đã xác nhận.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="293"/>
        <source>Review the flags first: nothing to export.</source>
        <translation>Hãy xem xét các cảnh báo trước: chưa có gì để xuất.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="318"/>
        <source>Choose the destination folder first.</source>
        <translation>Hãy chọn thư mục lưu trước.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320"/>
        <source>The destination {folder} does not exist.</source>
        <translation>Nơi lưu {folder} không tồn tại.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="324"/>
        <source>There are no flags to export: confirm flags first.</source>
        <translation>Không có cảnh báo nào để xuất: hãy xác nhận cảnh báo trước.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="327"/>
        <source>Give the officer id the key belongs to.</source>
        <translation>Hãy nhập mã cán bộ sở hữu khóa.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="329"/>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>Mật khẩu cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="333"/>
        <source>The two passphrases differ; type them again.</source>
        <translation>Hai mật khẩu không khớp; hãy nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="335"/>
        <source>Type the passphrase of your key.</source>
        <translation>Hãy nhập mật khẩu của khóa.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="384"/>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="408"/>
        <source>Package written and verified.</source>
        <translation>Đã ghi và kiểm tra gói chứng cứ.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="410"/>
        <source>Package written but it did not verify.</source>
        <translation>Đã ghi gói nhưng gói không qua được kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="413"/>
        <source>Package</source>
        <translation>Gói</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="414"/>
        <source>Flags exported</source>
        <translation>Cảnh báo đã xuất</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="415"/>
        <source>Originals</source>
        <translation>Bản gốc</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="417"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="418"/>
        <source>{files} ({size} of data)</source>
        <translation>{files} ({size} dữ liệu)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="422"/>
        <source>Verification</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="423"/>
        <source>Seal SHA-256</source>
        <translation>SHA-256 của niêm phong</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="439"/>
        <source>Export cancelled: the unfinished package was removed from the stick.</source>
        <translation>Đã hủy xuất: gói chưa hoàn tất đã được xóa khỏi USB.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="445"/>
        <source>Wrong passphrase: it does not open this key. Type it again.</source>
        <translation>Sai mật khẩu: không mở được khóa này. Hãy nhập lại.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="447"/>
        <source>Export failed: {reason}</source>
        <translation>Xuất không thành công: {reason}</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="72"/>
        <source>Welcome to Livestream Reviewer</source>
        <translation>Chào mừng đến với Livestream Reviewer</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="75"/>
        <source>Choose the interface language and enter your officer ID. The ID is written with every decision in the audit log and on every evidence package; you can change both later in Settings.</source>
        <translation>Chọn ngôn ngữ giao diện và nhập mã cán bộ của bạn. Mã này được ghi kèm mọi quyết định trong nhật ký kiểm tra và trên mọi gói chứng cứ; có thể đổi cả hai sau trong Cài đặt.</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="80"/>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Officer ID</source>
        <translation>Mã cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="82"/>
        <source>e.g. CB-0421 or your full name</source>
        <translation>ví dụ CB-0421 hoặc họ tên đầy đủ</translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83"/>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
</context>
<context>
    <name>FlagDetail</name>
    <message>
        <location filename="../../ui/flag_detail.py" line="142"/>
        <source>Reveal picture (V)</source>
        <translation>Hiện ảnh (V)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="144"/>
        <source>The picture may be obscene; it is blurred until you choose to see it.</source>
        <translation>Ảnh có thể có nội dung khiêu dâm; ảnh được làm mờ cho đến khi cán bộ chọn xem.</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="146"/>
        <source>Play flag (P)</source>
        <translation>Phát đoạn cảnh báo (P)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="147"/>
        <source>Confirm (C)</source>
        <translation>Xác nhận (C)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="148"/>
        <source>Reject (X)</source>
        <translation>Bác bỏ (X)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="149"/>
        <source>Unsure (U)</source>
        <translation>Chưa chắc (U)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="150"/>
        <source>Reset (0)</source>
        <translation>Đặt lại (0)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="151"/>
        <source>Note for this flag (N to write, Enter to save)</source>
        <translation>Ghi chú cho cảnh báo này (N để viết, Enter để lưu)</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="152"/>
        <source>Save note</source>
        <translation>Lưu ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="154"/>
        <location filename="../../ui/flag_detail.py" line="169"/>
        <source>No flag selected.</source>
        <translation>Chưa chọn cảnh báo nào.</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="173"/>
        <location filename="../../ui/flag_detail.py" line="267"/>
        <source>No picture</source>
        <translation>Không có ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="185"/>
        <source>Loading picture…</source>
        <translation>Đang tải ảnh…</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="202"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="203"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="204"/>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="205"/>
        <source>Matched</source>
        <translation>Từ khớp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="207"/>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="212"/>
        <source>Decided by</source>
        <translation>Người quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="220"/>
        <source>{officer} · {when}: {status} {note}</source>
        <translation>{officer} · {when}: {status} {note}</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="228"/>
        <source>Copies disagree</source>
        <translation>Các bản sao không thống nhất</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="230"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="232"/>
        <source>File SHA-256</source>
        <translation>SHA-256 của tệp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="237"/>
        <source>Model</source>
        <translation>Mô hình</translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="206"/>
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
</context>
<context>
    <name>FlagListPanel</name>
    <message>
        <location filename="../../ui/flag_list.py" line="224"/>
        <source>All categories</source>
        <translation>Mọi nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="228"/>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="233"/>
        <source>All sources</source>
        <translation>Mọi nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="236"/>
        <source>Score ≥</source>
        <translation>Điểm ≥</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="237"/>
        <source>Show one category</source>
        <translation>Chỉ hiện một nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="238"/>
        <source>Show one status</source>
        <translation>Chỉ hiện một trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="239"/>
        <source>Show one source</source>
        <translation>Chỉ hiện một nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="240"/>
        <source>Hide flags scored below this</source>
        <translation>Ẩn các cảnh báo có điểm thấp hơn mức này</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="266"/>
        <source>{shown} of {total} shown · {pending} to review</source>
        <translation>Hiện {shown}/{total} · còn {pending} cần xem xét</translation>
    </message>
</context>
<context>
    <name>FlagSpanDialog</name>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="35"/>
        <source>Add a flag</source>
        <translation>Thêm cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="35"/>
        <source>Edit the flag</source>
        <translation>Sửa cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="48"/>
        <source>Start</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="49"/>
        <source>End</source>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="55"/>
        <source>Category</source>
        <translation>Nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="57"/>
        <source>What the officer saw or heard</source>
        <translation>Điều cán bộ thấy hoặc nghe</translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="59"/>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../../ui/flag_list.py" line="67"/>
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="68"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="69"/>
        <source>Category</source>
        <translation>Nhóm vi phạm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="70"/>
        <source>Score</source>
        <translation>Điểm</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="71"/>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="72"/>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="73"/>
        <source>Text / note</source>
        <translation>Nội dung / ghi chú</translation>
    </message>
</context>
<context>
    <name>IdentifiersPanel</name>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="56"/>
        <source>Phone numbers</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="57"/>
        <source>Bank accounts</source>
        <translation>Tài khoản ngân hàng</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="58"/>
        <source>QR codes</source>
        <translation>Mã QR</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="59"/>
        <source>Links</source>
        <translation>Đường dẫn</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="60"/>
        <source>Social accounts</source>
        <translation>Tài khoản mạng xã hội</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="61"/>
        <source>E-mail addresses</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="62"/>
        <source>Crypto wallets</source>
        <translation>Ví tiền mã hoá</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="63"/>
        <source>Amounts</source>
        <translation>Số tiền</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="69"/>
        <source>on screen</source>
        <translation>trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="70"/>
        <source>QR code</source>
        <translation>mã QR</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="71"/>
        <source>speech</source>
        <translation>lời nói</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="75"/>
        <source>Identifier</source>
        <translation>Định danh</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="75"/>
        <source>Where</source>
        <translation>Nơi xuất hiện</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="75"/>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="101"/>
        <source>No case open.</source>
        <translation>Chưa mở vụ việc nào.</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="104"/>
        <source>{n} identifiers in this case</source>
        <translation>{n} định danh trong vụ việc này</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="106"/>
        <source>No phone numbers, accounts or links found yet.</source>
        <translation>Chưa tìm thấy số điện thoại, tài khoản hay đường dẫn nào.</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="131"/>
        <source>seen in {n} other cases</source>
        <translation>có trong {n} vụ việc khác</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="144"/>
        <source>Other cases…</source>
        <translation>Các vụ việc khác…</translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="159"/>
        <source>open this case</source>
        <translation>mở vụ việc này</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>pending</source>
        <translation>chờ xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>confirmed</source>
        <translation>đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="95"/>
        <source>rejected</source>
        <translation>đã bác bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="96"/>
        <source>unsure</source>
        <translation>chưa chắc</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="102"/>
        <location filename="../../ui/i18n.py" line="114"/>
        <source>speech</source>
        <translation>giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <location filename="../../ui/i18n.py" line="115"/>
        <source>on-screen text</source>
        <translation>chữ trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <location filename="../../ui/i18n.py" line="116"/>
        <source>on the cluster</source>
        <translation>trên cụm máy chủ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="105"/>
        <source>image</source>
        <translation>hình ảnh</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="106"/>
        <source>added by the officer</source>
        <translation>do cán bộ thêm</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="112"/>
        <source>queued</source>
        <translation>đang chờ</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="113"/>
        <source>hashing</source>
        <translation>đang băm</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117"/>
        <source>detecting</source>
        <translation>đang phát hiện</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="118"/>
        <source>done</source>
        <translation>xong</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="119"/>
        <source>failed</source>
        <translation>lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="120"/>
        <source>already analysed</source>
        <translation>đã phân tích trước đó</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="121"/>
        <source>cancelled</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="122"/>
        <source>loading model</source>
        <translation>đang tải mô hình</translation>
    </message>
</context>
<context>
    <name>LearningPanel</name>
    <message>
        <location filename="../../ui/learning_panel.py" line="101"/>
        <source>Propose from this case</source>
        <translation>Đề xuất từ vụ việc này</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="102"/>
        <source>Also retrain the text model (about a minute)</source>
        <translation>Huấn luyện lại mô hình văn bản (khoảng một phút)</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="103"/>
        <source>Apply checked</source>
        <translation>Áp dụng mục đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="104"/>
        <source>Roll back the text model</source>
        <translation>Quay lại mô hình văn bản trước</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="105"/>
        <source>Undo checked applied changes</source>
        <translation>Hoàn tác thay đổi đã chọn</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="106"/>
        <source>Proposal</source>
        <translation>Đề xuất</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="106"/>
        <source>Effect on the decided flags</source>
        <translation>Tác động trên các cảnh báo đã quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="134"/>
        <source>Reading the decisions…</source>
        <translation>Đang đọc các quyết định…</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="155"/>
        <source>Check the applied changes to undo first.</source>
        <translation>Hãy chọn các thay đổi cần hoàn tác trước.</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="161"/>
        <source>Undoing…</source>
        <translation>Đang hoàn tác…</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="166"/>
        <source>Check the proposals to apply first.</source>
        <translation>Hãy chọn các đề xuất cần áp dụng trước.</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="168"/>
        <source>Applying…</source>
        <translation>Đang áp dụng…</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="172"/>
        <source>Rolling back…</source>
        <translation>Đang quay lại…</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="179"/>
        <source>Not done: {reason}</source>
        <translation>Chưa thực hiện: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="185"/>
        <source>{n} proposals; nothing changes until you apply.</source>
        <translation>{n} đề xuất; không có gì thay đổi cho đến khi bạn áp dụng.</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="191"/>
        <source>Applied {n} changes; the next analysis or re-detection uses them.</source>
        <translation>Đã áp dụng {n} thay đổi; lần phân tích hoặc phát hiện lại sau sẽ dùng chúng.</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="199"/>
        <source>Undid {n} changes.</source>
        <translation>Đã hoàn tác {n} thay đổi.</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="203"/>
        <source>Text model is now {model} ({sha}).</source>
        <translation>Mô hình văn bản hiện là {model} ({sha}).</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="211"/>
        <source>Applied (check to undo)</source>
        <translation>Đã áp dụng (chọn để hoàn tác)</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="288"/>
        <source>Thresholds</source>
        <translation>Ngưỡng</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="296"/>
        <source>Lexicon terms to remove (mostly rejected)</source>
        <translation>Từ khóa nên bỏ (phần lớn bị bác bỏ)</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="302"/>
        <source>rejected {r}, confirmed {c}; e.g. {ex}</source>
        <translation>bác bỏ {r}, xác nhận {c}; ví dụ: {ex}</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="306"/>
        <source>Phrases to add (in missed or confirmed moments only)</source>
        <translation>Cụm từ nên thêm (chỉ có trong đoạn bị bỏ sót hoặc đã xác nhận)</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="312"/>
        <source>in {n} moments; e.g. {ex}</source>
        <translation>trong {n} đoạn; ví dụ: {ex}</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="314"/>
        <source>Text model</source>
        <translation>Mô hình văn bản</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="323"/>
        <source>not retrained</source>
        <translation>chưa huấn luyện lại</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="244"/>
        <source>only {n} decisions (need {need}): no change proposed</source>
        <translation>mới có {n} quyết định (cần {need}): chưa đề xuất thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="248"/>
        <source>precision {p0} → {p1}, recall {r0} → {r1}; would have removed {removed} of {rejected} rejected flags, kept {kept} of {confirmed} confirmed</source>
        <translation>độ chính xác {p0} → {p1}, độ phủ {r0} → {r1}; sẽ bỏ {removed}/{rejected} cờ đã bác bỏ, giữ {kept}/{confirmed} cờ đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="261"/>
        <source>, raised {n} of {added} the officers added</source>
        <translation>, phát hiện được {n}/{added} cờ do cán bộ thêm</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="265"/>
        <source>; would also raise up to {n} undecided detections for review</source>
        <translation>; sẽ đưa thêm tối đa {n} phát hiện chưa quyết định ra xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="273"/>
        <source>only {n} decided texts (need {need}): no retraining</source>
        <translation>mới có {n} đoạn văn bản đã quyết định (cần {need}): chưa huấn luyện lại</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="277"/>
        <source>better: install it</source>
        <translation>tốt hơn: nên cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="279"/>
        <source>not better: keep the current model</source>
        <translation>không tốt hơn: giữ mô hình hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="281"/>
        <source>F1 on the decisions {now} now, {new} retrained: {verdict}</source>
        <translation>F1 trên các quyết định: hiện tại {now}, sau huấn luyện lại {new}: {verdict}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Case</source>
        <translation>&amp;Vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Recent cases</source>
        <translation>Vụ việc gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>&amp;Review</source>
        <translation>&amp;Xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;Playback</source>
        <translation>&amp;Phát lại</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>&amp;Settings</source>
        <translation>&amp;Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>&amp;Help</source>
        <translation>&amp;Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Tools</source>
        <translation>Công cụ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Files in the case</source>
        <translation>Tệp trong vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>Transcript and search</source>
        <translation>Lời thoại và tìm kiếm</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>Review</source>
        <translation>Xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Analysis queue</source>
        <translation>Hàng đợi phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>Learning</source>
        <translation>Học từ quyết định</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>Zoom in (+)</source>
        <translation>Phóng to (+)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>Zoom out (-)</source>
        <translation>Thu nhỏ (-)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Whole recording (Z)</source>
        <translation>Toàn bộ bản ghi (Z)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>Livestream Reviewer</source>
        <translation>Công cụ xem xét livestream</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>Livestream Reviewer — case {name}</source>
        <translation>Công cụ xem xét livestream — vụ việc {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>Officer: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Officer: {name} (set your name in Settings)</source>
        <translation>Cán bộ: {name} (đặt tên trong Cài đặt)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>Speech ran on {device} ({compute})</source>
        <translation>Nhận dạng giọng nói chạy trên {device} ({compute})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Analysing: {n} file(s) left</source>
        <translation>Đang phân tích: còn {n} tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>Identifiers</source>
        <translation>Định danh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
</context>
<context>
    <name>MeaningSearch</name>
    <message>
        <location filename="../../ui/meaning_search.py" line="70"/>
        <source>Search words or meaning, e.g. bán tài khoản</source>
        <translation>Tìm theo từ hoặc theo nghĩa, ví dụ: bán tài khoản</translation>
    </message>
    <message>
        <location filename="../../ui/meaning_search.py" line="81"/>
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location filename="../../ui/meaning_search.py" line="86"/>
        <source>Preparing this case for search: {done}/{total} lines</source>
        <translation>Đang chuẩn bị vụ việc để tìm kiếm: {done}/{total} dòng</translation>
    </message>
    <message>
        <location filename="../../ui/meaning_search.py" line="97"/>
        <source>{n} moments</source>
        <translation>{n} thời điểm</translation>
    </message>
</context>
<context>
    <name>MediaList</name>
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
    <message>
        <location filename="../../ui/media_list.py" line="24"/>
        <source>video</source>
        <translation>bản ghi hình</translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="25"/>
        <source>audio</source>
        <translation>bản ghi âm</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="36"/>
        <source>Merge a reviewed copy</source>
        <translation>Gộp bản sao đã xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="38"/>
        <source>Copy: {folder}</source>
        <translation>Bản sao: {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="47"/>
        <source>Merge</source>
        <translation>Hợp nhất</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="55"/>
        <source>{applied} changes to apply, {conflicts} conflicts for a senior officer, {same} already equal, {skipped} cannot be applied. Nothing is written until you press Merge.</source>
        <translation>{applied} thay đổi sẽ áp dụng, {conflicts} xung đột chờ cán bộ cấp trên, {same} đã giống nhau, {skipped} không áp dụng được. Chưa ghi gì cho đến khi bạn nhấn Hợp nhất.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="66"/>
        <source>Nothing to merge: this case already holds that work.</source>
        <translation>Không có gì để hợp nhất: vụ việc này đã có các thay đổi đó.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="80"/>
        <source>Conflict, flag {id}: {a} chose {x} here ({when_a}); {b} chose {y} in the copy ({when_b}). It stays unsure for a senior officer.</source>
        <translation>Xung đột, cờ {id}: {a} chọn {x} tại đây ({when_a}); {b} chọn {y} trong bản sao ({when_b}). Cờ giữ trạng thái chưa chắc chắn để cán bộ cấp trên quyết định.</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="94"/>
        <source>Flag {id}: {action} by {officer} ({when})</source>
        <translation>Cờ {id}: {action} bởi {officer} ({when})</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="101"/>
        <source>Cannot apply: {why}</source>
        <translation>Không áp dụng được: {why}</translation>
    </message>
</context>
<context>
    <name>MergeRunner</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="155"/>
        <source>Choose the folder of the reviewed copy of this case</source>
        <translation>Chọn thư mục của bản sao đã xem xét của vụ việc này</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="165"/>
        <source>Merging the reviewed copy…</source>
        <translation>Đang gộp bản sao đã xem xét…</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="167"/>
        <source>Reading the reviewed copy and this case…</source>
        <translation>Đang đọc bản sao đã xem xét và vụ việc này…</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="179"/>
        <source>Merge a reviewed copy</source>
        <translation>Gộp bản sao đã xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="215"/>
        <source>Merge refused</source>
        <translation>Từ chối hợp nhất</translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../ui/player.py" line="143"/>
        <source>Speed</source>
        <translation>Tốc độ</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="144"/>
        <location filename="../../ui/player.py" line="149"/>
        <source>Volume</source>
        <translation>Âm lượng</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="145"/>
        <source>Play / pause (Space)</source>
        <translation>Phát / tạm dừng (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="146"/>
        <source>Previous frame (,)</source>
        <translation>Khung hình trước (,)</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="147"/>
        <source>Next frame (.)</source>
        <translation>Khung hình sau (.)</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="148"/>
        <source>Playback speed ([ and ])</source>
        <translation>Tốc độ phát ([ và ])</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="151"/>
        <source>Open a case and choose a recording.</source>
        <translation>Mở một vụ việc và chọn bản ghi.</translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="153"/>
        <source>♪ Audio only</source>
        <translation>♪ Chỉ có âm thanh</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="79"/>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="80"/>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="81"/>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="82"/>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="37"/>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="38"/>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="39"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="40"/>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="41"/>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="42"/>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="43"/>
        <source>Could not delete directory.</source>
        <translation>Không xóa được thư mục.</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="44"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Tìm trong:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="45"/>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="46"/>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="47"/>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="48"/>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="49"/>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="50"/>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="51"/>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="52"/>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="53"/>
        <source>List View</source>
        <translation>Dạng danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="54"/>
        <source>Change to list view mode</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="55"/>
        <source>Detail View</source>
        <translation>Dạng chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="56"/>
        <source>Change to detail view mode</source>
        <translation>Xem dạng chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="57"/>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="58"/>
        <source>List of places and bookmarks</source>
        <translation>Danh sách vị trí và dấu trang</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="59"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="60"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="61"/>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="62"/>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="63"/>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="64"/>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="65"/>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp ẩ&amp;n</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="66"/>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="67"/>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="68"/>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="69"/>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="70"/>
        <source>Directories</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="71"/>
        <source>Recent Places</source>
        <translation>Vị trí gần đây</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="72"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation>Bạn có chắc muốn xóa &apos;%1&apos;?</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="73"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="74"/>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="75"/>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="76"/>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="77"/>
        <source>Date Modified</source>
        <translation>Ngày sửa đổi</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="78"/>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="84"/>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="85"/>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="86"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Cắt</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="87"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="88"/>
        <source>&amp;Paste</source>
        <translation>&amp;Dán</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="89"/>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="90"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="34"/>
        <source>Show Details...</source>
        <translation>Xem chi tiết...</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="35"/>
        <source>Hide Details...</source>
        <translation>Ẩn chi tiết...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="16"/>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="17"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="18"/>
        <source>Save All</source>
        <translation>Lưu tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="19"/>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="20"/>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="21"/>
        <source>Yes to &amp;All</source>
        <translation>Có với &amp;tất cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="22"/>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="23"/>
        <source>N&amp;o to All</source>
        <translation>Không với tất &amp;cả</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="24"/>
        <source>Abort</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="25"/>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="26"/>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="27"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="28"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="29"/>
        <source>Discard</source>
        <translation>Bỏ thay đổi</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="30"/>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="31"/>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="32"/>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="33"/>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="91"/>
        <source>&amp;Copy</source>
        <translation>Sao &amp;chép</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="92"/>
        <source>Copy &amp;Link Location</source>
        <translation>Sao chép địa chỉ &amp;liên kết</translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="93"/>
        <source>Select All</source>
        <translation>Chọn tất cả</translation>
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
    <name>RecordCheck</name>
    <message>
        <location filename="../../ui/record_check.py" line="67"/>
        <source>… and {n} more</source>
        <translation>… và {n} mục khác</translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="71"/>
        <source>The record of this case fails</source>
        <translation>Hồ sơ của vụ việc này không đạt kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="74"/>
        <source>The tables, signatures or audit chain of this case disagree with its audit log. You can read it, but it will not be exported or merged until this is resolved.

{case}</source>
        <translation>Các bảng, chữ ký hoặc chuỗi nhật ký của vụ việc này không khớp với nhật ký kiểm tra. Bạn vẫn có thể xem, nhưng vụ việc sẽ không được xuất hay hợp nhất cho đến khi vấn đề được giải quyết.

{case}</translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="93"/>
        <source>Unlock your signing key</source>
        <translation>Mở khóa khóa ký của bạn</translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="95"/>
        <source>Passphrase of the key of officer {officer}. It is asked once per session; every decision is then signed with your key.</source>
        <translation>Cụm mật khẩu của khóa cán bộ {officer}. Chỉ hỏi một lần mỗi phiên; sau đó mọi quyết định đều được ký bằng khóa của bạn.</translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="107"/>
        <source>Wrong passphrase</source>
        <translation>Sai cụm mật khẩu</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/review_controller.py" line="284"/>
        <source>Decision not saved</source>
        <translation>Quyết định chưa được lưu</translation>
    </message>
    <message>
        <location filename="../../ui/review_controller.py" line="343"/>
        <source>Flag not added</source>
        <translation>Chưa thêm được cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/review_controller.py" line="401"/>
        <source>Flag not changed</source>
        <translation>Chưa sửa được cảnh báo</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>As the system</source>
        <translation>Theo hệ thống</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Vietnamese</source>
        <translation>Tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>English</source>
        <translation>Tiếng Anh</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85"/>
        <source>Detect automatically</source>
        <translation>Tự nhận biết</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97"/>
        <source>Whisper (default)</source>
        <translation>Whisper (mặc định)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98"/>
        <source>Vietnamese recogniser (viet-asr, opt-in)</source>
        <translation>Bộ nhận dạng tiếng Việt (viet-asr, tùy chọn bật)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="99"/>
        <source>Both, and compare</source>
        <translation>Cả hai, và so sánh</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105"/>
        <source>viet-asr hears Vietnamese about four times more accurately than Whisper base, but the licence of its weights is not stated: turn it on only if your agency accepts that. English and automatic language detection always use Whisper.</source>
        <translation>viet-asr nghe tiếng Việt chính xác hơn Whisper base khoảng bốn lần, nhưng giấy phép của bộ trọng số chưa được công bố: chỉ bật khi đơn vị chấp nhận điều đó. Tiếng Anh và tự nhận dạng ngôn ngữ luôn dùng Whisper.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="111"/>
        <source>Prompt the speech model with the category terms</source>
        <translation>Gợi ý các từ khóa vi phạm cho mô hình nhận dạng giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>Automatic (GPU if usable)</source>
        <translation>Tự động (dùng GPU nếu được)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127"/>
        <source>Flag thresholds (lower: more flags to review)</source>
        <translation>Ngưỡng cảnh báo (thấp hơn: nhiều cảnh báo hơn)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139"/>
        <source>The shipped lexicons</source>
        <translation>Bộ từ khóa có sẵn</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="140"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="147"/>
        <source>This computer (or tcp://server:8786)</source>
        <translation>Máy này (hoặc tcp://server:8786)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="149"/>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="150"/>
        <source>Interface language</source>
        <translation>Ngôn ngữ giao diện</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="151"/>
        <source>Spoken language</source>
        <translation>Ngôn ngữ nói</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="152"/>
        <source>Speech model</source>
        <translation>Mô hình giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="153"/>
        <source>Vietnamese speech engine</source>
        <translation>Bộ nhận dạng tiếng nói tiếng Việt</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="156"/>
        <source>Device</source>
        <translation>Thiết bị xử lý</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="158"/>
        <location filename="../../ui/settings_dialog.py" line="216"/>
        <source>Lexicon folder</source>
        <translation>Thư mục từ khóa</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="159"/>
        <source>Analysis cluster</source>
        <translation>Cụm máy phân tích</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="160"/>
        <source>New thresholds and lexicons apply to files analysed from now on.</source>
        <translation>Ngưỡng và bộ từ khóa mới áp dụng cho các tệp được phân tích từ nay.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165"/>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="183"/>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="184"/>
        <source>Device and models</source>
        <translation>Thiết bị và mô hình</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
        <source>Will run on: {device} ({compute})</source>
        <translation>Sẽ chạy trên: {device} ({compute})</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="202"/>
        <source>Last analysis ran on: {used}</source>
        <translation>Lần phân tích gần nhất chạy trên: {used}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="207"/>
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
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>Export evidence…</source>
        <translation>Xuất chứng cứ…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="43"/>
        <source>Verify an evidence package…</source>
        <translation>Kiểm tra gói chứng cứ…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="45"/>
        <source>Merge a reviewed copy…</source>
        <translation>Gộp bản sao đã xem xét…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="46"/>
        <source>Settings…</source>
        <translation>Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="47"/>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="48"/>
        <source>Next flag</source>
        <translation>Cảnh báo sau</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="49"/>
        <source>Previous flag</source>
        <translation>Cảnh báo trước</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="50"/>
        <source>Play the flag</source>
        <translation>Phát đoạn cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="51"/>
        <source>Confirm</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="52"/>
        <source>Reject</source>
        <translation>Bác bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="53"/>
        <source>Unsure</source>
        <translation>Chưa chắc</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="54"/>
        <source>Back to pending</source>
        <translation>Trở về chờ xem xét</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="55"/>
        <source>Write a note</source>
        <translation>Viết ghi chú</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="57"/>
        <source>Reveal a blurred picture</source>
        <translation>Hiện ảnh đang làm mờ</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="62"/>
        <source>Add a flag at the playhead…</source>
        <translation>Thêm cảnh báo tại vị trí đang phát…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="68"/>
        <source>Type the flag&apos;s times and category…</source>
        <translation>Nhập thời gian và nhóm vi phạm của cảnh báo…</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="71"/>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="72"/>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="73"/>
        <source>Play / pause</source>
        <translation>Phát / tạm dừng</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="74"/>
        <source>Back 5 seconds</source>
        <translation>Lùi 5 giây</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="75"/>
        <source>Forward 5 seconds</source>
        <translation>Tới 5 giây</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="76"/>
        <source>Previous frame</source>
        <translation>Khung hình trước</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="77"/>
        <source>Next frame</source>
        <translation>Khung hình sau</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="78"/>
        <source>Slower</source>
        <translation>Chậm hơn</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="79"/>
        <source>Faster</source>
        <translation>Nhanh hơn</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="80"/>
        <source>Zoom timeline in</source>
        <translation>Phóng to dòng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="81"/>
        <source>Zoom timeline out</source>
        <translation>Thu nhỏ dòng thời gian</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="82"/>
        <source>Whole recording</source>
        <translation>Toàn bộ bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="86"/>
        <source>Search transcripts and on-screen text</source>
        <translation>Tìm trong lời thoại và chữ trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="89"/>
        <source>Keyboard shortcuts</source>
        <translation>Phím tắt</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../ui/timeline.py" line="227"/>
        <source>Flags</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="228"/>
        <source>Speech</source>
        <translation>Giọng nói</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="229"/>
        <source>On-screen text</source>
        <translation>Chữ trên màn hình</translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="230"/>
        <source>Audio</source>
        <translation>Âm thanh</translation>
    </message>
    <message>
        <location filename="../../ui/timeline_paint.py" line="95"/>
        <source>&lt;b&gt;{category}&lt;/b&gt; ({status})&lt;br&gt;{start}–{end} · {source} · score {score:.2f}&lt;br&gt;Matched: {matched}&lt;br&gt;&lt;i&gt;{text}&lt;/i&gt;</source>
        <translation>&lt;b&gt;{category}&lt;/b&gt; ({status})&lt;br&gt;{start}–{end} · {source} · điểm {score:.2f}&lt;br&gt;Từ khớp: {matched}&lt;br&gt;&lt;i&gt;{text}&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../ui/transcript_pane.py" line="320"/>
        <source>Search all transcripts and on-screen text (Ctrl+F)</source>
        <extracomment>an officer&apos;s correction is stored and detected on (segment id): flags may have changed</extracomment>
        <translation>Tìm trong mọi lời thoại và chữ trên màn hình (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="322"/>
        <source>No speech transcribed in this recording yet.</source>
        <translation>Bản ghi này chưa có lời thoại nào được nhận dạng.</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="382"/>
        <source>{n} found</source>
        <translation>Tìm thấy {n}</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="100"/>
        <source>Corrected by officer {officer} ({when}).
The recogniser heard: {machine}</source>
        <translation>Cán bộ {officer} đã sửa ({when}).
Máy nhận dạng nghe được: {machine}</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="108"/>
        <source>Double-click or press F2 to correct what was said.</source>
        <translation>Nhấp đúp hoặc nhấn F2 để sửa lời đã nói.</translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="354"/>
        <source>The correction was not saved</source>
        <translation>Chưa lưu được bản sửa</translation>
    </message>
</context>
<context>
    <name>VerifyChecks</name>
    <message>
        <location filename="../../ui/verify_dialog.py" line="49"/>
        <source>Folder layout</source>
        <translation>Cấu trúc thư mục</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="50"/>
        <source>BagIt declaration</source>
        <translation>Khai báo BagIt</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="51"/>
        <source>Signature</source>
        <translation>Chữ ký</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="52"/>
        <source>Seal</source>
        <translation>Niêm phong</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="53"/>
        <source>Tag files</source>
        <translation>Tệp mô tả</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="54"/>
        <source>Set of files</source>
        <translation>Danh sách tệp</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="55"/>
        <source>Package information</source>
        <translation>Thông tin gói</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="56"/>
        <source>Evidence files (hashes)</source>
        <translation>Tệp chứng cứ (mã băm)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="57"/>
        <source>Audit log</source>
        <translation>Nhật ký kiểm toán</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="58"/>
        <source>Case description</source>
        <translation>Mô tả vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="59"/>
        <source>Stopped at</source>
        <translation>Dừng tại</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/verify_dialog.py" line="79"/>
        <source>Verify an evidence package</source>
        <translation>Kiểm tra gói chứng cứ</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="83"/>
        <source>The package folder (EVP-…)</source>
        <translation>Thư mục của gói (EVP-…)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="84"/>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="87"/>
        <location filename="../../ui/verify_dialog.py" line="336"/>
        <source>Package</source>
        <translation>Gói</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="91"/>
        <source>Trusted keys</source>
        <translation>Khóa tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="92"/>
        <source>Trust the keys of this computer&apos;s officers</source>
        <translation>Tin cậy khóa của các cán bộ trên máy này</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="96"/>
        <source>Add a public key file…</source>
        <translation>Thêm tệp khóa công khai…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="98"/>
        <source>Remove</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="122"/>
        <source>Check</source>
        <translation>Bước kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="122"/>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="122"/>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="124"/>
        <source>Verify</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="127"/>
        <source>Stop</source>
        <translation>Dừng</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="130"/>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="159"/>
        <source>Choose the package folder</source>
        <translation>Chọn thư mục của gói</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="167"/>
        <source>Add trusted public keys</source>
        <translation>Thêm khóa công khai tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="169"/>
        <source>Public keys</source>
        <translation>Khóa công khai</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="169"/>
        <source>All files</source>
        <translation>Mọi tệp</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="186"/>
        <source>{file} — key {key_id}</source>
        <translation>{file} — khóa {key_id}</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="193"/>
        <source>Not a public key file:</source>
        <translation>Không phải tệp khóa công khai:</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="211"/>
        <source>Choose the package folder first.</source>
        <translation>Hãy chọn thư mục của gói trước.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="224"/>
        <source>Verifying…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="249"/>
        <source>Verification stopped.</source>
        <translation>Đã dừng kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="252"/>
        <source>Verification failed: {reason}</source>
        <translation>Không kiểm tra được: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="298"/>
        <source>INTACT AND TRUSTED: the package is exactly as sealed.</source>
        <translation>NGUYÊN VẸN VÀ TIN CẬY: gói đúng như khi niêm phong.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="300"/>
        <source>TAMPERED: the package was changed after it was sealed.</source>
        <translation>ĐÃ BỊ SỬA ĐỔI: gói đã bị thay đổi sau khi niêm phong.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="305"/>
        <source>UNTRUSTED SIGNER: the package is intact, but its key is not one you trust. Compare the fingerprint with the officer&apos;s.</source>
        <translation>NGƯỜI KÝ KHÔNG ĐƯỢC TIN CẬY: gói nguyên vẹn, nhưng khóa ký không thuộc các khóa tin cậy. Hãy đối chiếu dấu vân tay với cán bộ đã ký.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="310"/>
        <source>NOT A COMPLETE PACKAGE: unfinished, damaged, or not an evidence package.</source>
        <translation>KHÔNG PHẢI GÓI HOÀN CHỈNH: chưa xong, bị hỏng, hoặc không phải gói chứng cứ.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="318"/>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="324"/>
        <source>Signed by officer</source>
        <translation>Cán bộ ký</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="325"/>
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="327"/>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="331"/>
        <source>Key trusted</source>
        <translation>Khóa tin cậy</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="332"/>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="332"/>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="340"/>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="341"/>
        <source>{files} ({size} of data)</source>
        <translation>{files} ({size} dữ liệu)</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="360"/>
        <source>passed</source>
        <translation>đạt</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="360"/>
        <source>FAILED</source>
        <translation>KHÔNG ĐẠT</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="262"/>
        <source>Intact and signed by officer {officer} with trusted key {key}.</source>
        <translation>Nguyên vẹn, do cán bộ {officer} ký bằng khóa tin cậy {key}.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="267"/>
        <source>Intact, but signed by key {key} (fingerprint {fingerprint}), which is not a trusted key.</source>
        <translation>Nguyên vẹn, nhưng được ký bằng khóa {key} (dấu vân tay {fingerprint}), không phải khóa tin cậy.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="272"/>
        <source>{f} was changed after the package was sealed ({a} differs).</source>
        <translation>{f} đã bị thay đổi sau khi niêm phong gói ({a} khác).</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="274"/>
        <source>{f} is missing from the package.</source>
        <translation>Gói thiếu {f}.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="276"/>
        <source>{f} is not part of the sealed package (added later).</source>
        <translation>{f} không thuộc gói đã niêm phong (được thêm vào sau).</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="277"/>
        <source>{f} is missing.</source>
        <translation>Thiếu {f}.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="279"/>
        <source>This is an unfinished export (.partial): export the case again.</source>
        <translation>Đây là bản xuất chưa hoàn tất (.partial): hãy xuất lại vụ việc.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="281"/>
        <source>This export failed its read-back check (.failed): export again.</source>
        <translation>Bản xuất này không qua bước đọc lại kiểm tra (.failed): hãy xuất lại.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="282"/>
        <source>{f} is not a package folder.</source>
        <translation>{f} không phải thư mục gói chứng cứ.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="284"/>
        <source>The audit log does not end where the seal says it does.</source>
        <translation>Nhật ký kiểm tra không kết thúc đúng chỗ mà niêm phong ghi.</translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="286"/>
        <source>The size or number of files differs from the sealed package.</source>
        <translation>Dung lượng hoặc số tệp khác với gói đã niêm phong.</translation>
    </message>
</context>
</TS>
