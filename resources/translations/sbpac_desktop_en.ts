<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="th_TH">
<context>
    <name>AccountDialog</name>
    <message>
        <source>บัญชี {login} — {name}</source>
        <translation>Account {login} — {name}</translation>
    </message>
</context>
<context>
    <name>AgencyTable</name>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>ตำแหน่งเจ้าของโครงการ</source>
        <translation>Owning posts</translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>ตัวชี้วัด
ตามแผน</source>
        <translation>Indicators
on track</translation>
    </message>
    <message>
        <source>ตัวชี้วัด
ต่ำกว่าแผน</source>
        <translation>Indicators
behind</translation>
    </message>
    <message>
        <source>ตัวชี้วัด
ยังไม่รายงาน</source>
        <translation>Indicators
not reported</translation>
    </message>
    <message>
        <source>งบจัดสรรทั้งปี
(ล้านบาท)</source>
        <translation>Budget for the year
(million baht)</translation>
    </message>
    <message>
        <source>แผนถึงไตรมาส {q}
(ล้านบาท)</source>
        <translation>Planned to Q{q}
(million baht)</translation>
    </message>
    <message>
        <source>เบิกจ่ายสะสม
(ล้านบาท)</source>
        <translation>Disbursed
(million baht)</translation>
    </message>
    <message>
        <source>ร้อยละ
ของแผน</source>
        <translation>% of
plan</translation>
    </message>
    <message>
        <source>ข้อสั่งการที่เชื่อมโยง</source>
        <translation>Linked directives</translation>
    </message>
    <message>
        <source>รวมทั้งแผน</source>
        <translation>Whole plan</translation>
    </message>
    <message>
        <source>{b} บาท</source>
        <translation>{b} baht</translation>
    </message>
    <message>
        <source>ไม่มี</source>
        <translation>None</translation>
    </message>
</context>
<context>
    <name>AgendaItemDialog</name>
    <message>
        <source>เพิ่มเรื่องในระเบียบวาระ</source>
        <translation>Add agenda item</translation>
    </message>
    <message>
        <source>ระเบียบวาระที่ {n}  {title}</source>
        <translation>Agenda {n}  {title}</translation>
    </message>
    <message>
        <source>— เป็นเรื่องหลักของระเบียบวาระ —</source>
        <translation>— Top-level item of the agenda section —</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>เวลาที่ใช้กับเรื่องนี้ในการประชุม เว้นว่างได้ถ้ายังไม่กำหนด</source>
        <translation>Time to spend on this item in the meeting; leave empty if not planned yet</translation>
    </message>
    <message>
        <source>ระเบียบวาระที่</source>
        <translation>Agenda section</translation>
    </message>
    <message>
        <source>เป็นเรื่องย่อยของ</source>
        <translation>Sub-item of</translation>
    </message>
    <message>
        <source>ชื่อเรื่อง</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>ผู้นำเสนอ</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>เวลาที่วางแผน</source>
        <translation>Planned time</translation>
    </message>
    <message>
        <source>นาที (เว้นว่าง = ยังไม่กำหนด)</source>
        <translation>minutes (empty = not planned)</translation>
    </message>
    <message>
        <source>ไฟล์แนบ</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อเรื่อง</source>
        <translation>Please enter a title</translation>
    </message>
</context>
<context>
    <name>AgendaItemEditor</name>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>เลือกจากรายชื่อ หรือพิมพ์ชื่อ/หน่วยงานผู้นำเสนอเอง</source>
        <translation>Pick from the list, or type a presenter or unit</translation>
    </message>
    <message>
        <source>เวลาที่ใช้กับเรื่องนี้ในการประชุม เว้นว่างได้ถ้ายังไม่กำหนด</source>
        <translation>Time to spend on this item in the meeting; leave empty if not planned yet</translation>
    </message>
    <message>
        <source>ความเป็นมา / ข้อเท็จจริง</source>
        <translation>Background / facts</translation>
    </message>
    <message>
        <source>ข้อเสนอเพื่อพิจารณา</source>
        <translation>Proposal for consideration</translation>
    </message>
    <message>
        <source>สรุปสาระการอภิปรายในที่ประชุม</source>
        <translation>Summary of the discussion</translation>
    </message>
    <message>
        <source>มติที่ประชุม เช่น ที่ประชุมรับทราบ</source>
        <translation>Resolution, e.g. &quot;The meeting acknowledged&quot;</translation>
    </message>
    <message>
        <source>บันทึกเรื่องนี้</source>
        <translation>Save item</translation>
    </message>
    <message>
        <source>บันทึก (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>ข้อสั่งการใหม่จากเรื่องนี้…</source>
        <translation>New directive from this item…</translation>
    </message>
    <message>
        <source>ชื่อเรื่อง</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>ผู้นำเสนอ</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>เวลาที่วางแผน</source>
        <translation>Planned time</translation>
    </message>
    <message>
        <source>นาที (เว้นว่าง = ยังไม่กำหนด)</source>
        <translation>minutes (empty = not planned)</translation>
    </message>
    <message>
        <source>ความเป็นมา</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>ข้อเสนอ</source>
        <translation>Proposal</translation>
    </message>
    <message>
        <source>การอภิปราย / สรุปสาระ</source>
        <translation>Discussion / summary</translation>
    </message>
    <message>
        <source>มติที่ประชุม</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <source>ไฟล์แนบ</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>คำกล่าวในที่ประชุม (จดละเอียด ตามลำดับ)</source>
        <translation>Statements at the meeting (verbatim, in order)</translation>
    </message>
    <message>
        <source>เรื่องที่ {number}</source>
        <translation>Item {number}</translation>
    </message>
    <message>
        <source>เลือกเรื่องในระเบียบวาระทางซ้ายเพื่อแก้ไข</source>
        <translation>Select an agenda item on the left to edit it</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อเรื่อง</source>
        <translation>Please enter a title</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>เพิ่มเรื่อง</source>
        <translation>Add item</translation>
    </message>
    <message>
        <source>เพิ่มเรื่องในระเบียบวาระที่เลือก</source>
        <translation>Add an item to the selected agenda section</translation>
    </message>
    <message>
        <source>เพิ่มเรื่องย่อย</source>
        <translation>Add sub-item</translation>
    </message>
    <message>
        <source>เพิ่มเรื่องย่อยใต้เรื่องที่เลือก</source>
        <translation>Add a sub-item under the selected item</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>ลบเรื่องที่เลือก</source>
        <translation>Delete the selected item</translation>
    </message>
    <message>
        <source>เลื่อนขึ้น (Alt+↑)</source>
        <translation>Move up (Alt+↑)</translation>
    </message>
    <message>
        <source>เลื่อนลง (Alt+↓)</source>
        <translation>Move down (Alt+↓)</translation>
    </message>
    <message>
        <source>ยังไม่ได้วางแผนเวลา (กำหนดเวลาที่วางแผนของแต่ละเรื่องทางขวา)</source>
        <translation>No time planned yet (set each item&apos;s planned time on the right)</translation>
    </message>
    <message>
        <source>รวมเวลาที่วางแผน {duration}</source>
        <translation>Total planned time {duration}</translation>
    </message>
    <message>
        <source> · เลิกประมาณ {time}</source>
        <translation> · ends about {time}</translation>
    </message>
    <message>
        <source> (ยังไม่กำหนดเวลา {n} เรื่อง)</source>
        <translation> ({n} items without a time)</translation>
    </message>
    <message>
        <source>กำลังจัดลำดับระเบียบวาระ…</source>
        <translation>Reordering the agenda…</translation>
    </message>
    <message>
        <source>ลบเรื่อง {number} {title} ออกจากระเบียบวาระ?</source>
        <translation>Remove item {number} {title} from the agenda?</translation>
    </message>
    <message>
        <source>เรื่องย่อยทั้งหมดของเรื่องนี้จะถูกลบด้วย</source>
        <translation>All its sub-items will be deleted too</translation>
    </message>
    <message>
        <source>ลบเรื่อง</source>
        <translation>Delete item</translation>
    </message>
</context>
<context>
    <name>AgendaTreeModel</name>
    <message>
        <source>เรื่อง</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>ผู้นำเสนอ</source>
        <translation>Presenter</translation>
    </message>
    <message>
        <source>เวลา</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>{n} นาที</source>
        <translation>{n} minutes</translation>
    </message>
    <message>
        <source>ระเบียบวาระที่ {number}  {title}</source>
        <translation>Agenda {number}  {title}</translation>
    </message>
</context>
<context>
    <name>AttachmentsWidget</name>
    <message>
        <source>แนบไฟล์…</source>
        <translation>Attach file…</translation>
    </message>
    <message>
        <source>เปิดดู</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>นำออก</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>ไฟล์ละไม่เกิน {limit} MB; เปิดดูเป็นสำเนาอ่านอย่างเดียว</source>
        <translation>Up to {limit} MB per file; opened as a read-only copy</translation>
    </message>
    <message>
        <source>ไฟล์จะถูกแนบเมื่อกดบันทึก — </source>
        <translation>Files are attached when you save — </translation>
    </message>
    <message>
        <source>{name}  (รอบันทึก)</source>
        <translation>{name}  (not saved yet)</translation>
    </message>
    <message>
        <source>เลือกไฟล์ที่จะแนบ</source>
        <translation>Choose files to attach</translation>
    </message>
    <message>
        <source>เปิดไฟล์ไม่ได้ เพราะไม่มีโปรแกรมสำหรับไฟล์ชนิดนี้ — สำเนาอยู่ที่ {path}</source>
        <translation>No program opens this kind of file — the copy is at {path}</translation>
    </message>
    <message>
        <source>นำไฟล์ {name} ออกจากรายการแนบ?</source>
        <translation>Remove {name} from the attachments?</translation>
    </message>
    <message>
        <source>นำไฟล์แนบออก</source>
        <translation>Remove attachment</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>ชื่อ-สกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>การเข้าประชุม</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>เหตุผลที่ไม่มา</source>
        <translation>Reason for absence</translation>
    </message>
    <message>
        <source>มาประชุมแทน</source>
        <translation>Substitute for</translation>
    </message>
    <message>
        <source>บทบาทในที่ประชุม</source>
        <translation>Role in meeting</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>เพิ่มผู้เข้าประชุม…</source>
        <translation>Add attendees…</translation>
    </message>
    <message>
        <source>ลบออกจากรายชื่อ</source>
        <translation>Remove from list</translation>
    </message>
    <message>
        <source>ดับเบิลคลิกหรือกด F2 ที่ช่องเพื่อแก้ไข — บันทึกให้อัตโนมัติเมื่อแก้เสร็จ</source>
        <translation>Double-click a cell or press F2 to edit — changes are saved automatically</translation>
    </message>
    <message>
        <source>มาประชุม {present} · มาแทน {substitute} · ไม่มา {absent} · ผู้เข้าร่วม {invited}</source>
        <translation>Present {present} · Substitutes {substitute} · Absent {absent} · Invited {invited}</translation>
    </message>
    <message>
        <source>บันทึกแถวของ {name} ไม่ได้: {message}</source>
        <translation>Could not save the row for {name}: {message}</translation>
    </message>
    <message>
        <source>ลบ {name} ออกจากรายชื่อผู้เข้าประชุม?</source>
        <translation>Remove {name} from the attendance list?</translation>
    </message>
    <message>
        <source>ลบรายชื่อ</source>
        <translation>Remove attendee</translation>
    </message>
</context>
<context>
    <name>BeCalendarPopup</name>
    <message>
        <source>พ.ศ. </source>
        <translation>BE </translation>
    </message>
    <message>
        <source>เดือนก่อน</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>เดือนถัดไป</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>วันนี้</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>BeDateEdit</name>
    <message>
        <source>วว/ดด/ปปปป เช่น 22/10/2562</source>
        <translation>dd/mm/yyyy (BE), e.g. 22/10/2562</translation>
    </message>
    <message>
        <source>เลือกจากปฏิทิน</source>
        <translation>Pick from calendar</translation>
    </message>
    <message>
        <source>กรุณาระบุวันที่</source>
        <translation>Please enter a date</translation>
    </message>
    <message>
        <source>อ่านวันที่ไม่ได้: {text} (ตัวอย่าง: 22/10/2562 หรือ 22 ต.ค. 2562)</source>
        <translation>Cannot read the date: {text} (for example 22/10/2562 or 22 Oct 2562, year in BE)</translation>
    </message>
    <message>
        <source>วันในสัปดาห์ไม่ตรงกับวันที่: {text}</source>
        <translation>The weekday does not match the date: {text}</translation>
    </message>
    <message>
        <source>วันที่ไม่ถูกต้อง: {text}</source>
        <translation>Invalid date: {text}</translation>
    </message>
</context>
<context>
    <name>BlockDialog</name>
    <message>
        <source>แจ้งติดขัด {number}</source>
        <translation>Report a blocker — {number}</translation>
    </message>
    <message>
        <source>เช่น รอการจัดสรรงบประมาณ / รอผลการพิจารณาของจังหวัด</source>
        <translation>e.g. awaiting the budget allocation / awaiting the province&apos;s decision</translation>
    </message>
    <message>
        <source>เหตุที่ติดขัด</source>
        <translation>Blocked because</translation>
    </message>
    <message>
        <source>แจ้งติดขัด</source>
        <translation>Report blocker</translation>
    </message>
</context>
<context>
    <name>CarryOverDialog</name>
    <message>
        <source>นำเรื่องจากการประชุมครั้งก่อนเข้าระเบียบวาระ</source>
        <translation>Carry items over from the previous meeting</translation>
    </message>
    <message>
        <source>ตรวจสอบเรื่องที่เสนอ แก้ไขข้อความได้ และเอาเครื่องหมายออกสำหรับเรื่องที่ไม่ต้องการ</source>
        <translation>Check the proposed items, edit the text if needed, and untick any you do not want</translation>
    </message>
    <message>
        <source>ระเบียบวาระที่ ๒ รับรองรายงานการประชุม</source>
        <translation>Agenda 2: certification of the minutes</translation>
    </message>
    <message>
        <source>ระเบียบวาระที่ ๓ เรื่องสืบเนื่อง</source>
        <translation>Agenda 3: matters arising</translation>
    </message>
    <message>
        <source>เรื่องย่อยภายใต้ ๓.๑ (ข้อสั่งการที่ยังไม่ปิด)</source>
        <translation>Sub-items under 3.1 (directives still open)</translation>
    </message>
    <message>
        <source>เรื่องเสนอจากการลงพื้นที่ → ระเบียบวาระที่ {section} (เอาเครื่องหมายออก = ไม่นำเข้า)</source>
        <translation>Proposed from field visits → agenda section {section} (untick = do not bring in)</translation>
    </message>
    <message>
        <source>เพิ่มในระเบียบวาระ</source>
        <translation>Add to agenda</translation>
    </message>
    <message>
        <source>ข้าม</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>มีเรื่องในระเบียบวาระนี้อยู่แล้ว — แก้ไขในแท็บระเบียบวาระ</source>
        <translation>This agenda section already has items — edit them on the Agenda tab</translation>
    </message>
    <message>
        <source>ข้อความที่จะเสนอ</source>
        <translation>Proposed text</translation>
    </message>
    <message>
        <source>ผู้เสนอ</source>
        <translation>Proposed by</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อเรื่องรับรองรายงานการประชุม หรือเอาเครื่องหมายออก</source>
        <translation>Enter a title for certifying the minutes, or untick it</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อเรื่องสืบเนื่อง หรือเอาเครื่องหมายออก</source>
        <translation>Enter a title for matters arising, or untick it</translation>
    </message>
    <message>
        <source>เรื่องแถวที่ {rows} ไม่มีข้อความ — พิมพ์ข้อความหรือเอาเครื่องหมายออก</source>
        <translation>Row {rows} has no text — type it or untick the row</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <source>กรองรายการ…</source>
        <translation>Filter the list…</translation>
    </message>
</context>
<context>
    <name>ClosureDecisionDialog</name>
    <message>
        <source>รับทราบการปิดเรื่อง {number}</source>
        <translation>Acknowledge closure — {number}</translation>
    </message>
    <message>
        <source>รับทราบและปิดเรื่อง</source>
        <translation>Acknowledge and close</translation>
    </message>
    <message>
        <source>ยังไม่ให้ปิดเรื่อง</source>
        <translation>Keep open</translation>
    </message>
    <message>
        <source>— ฝ่ายเลขานุการรับทราบ (ไม่ผ่านที่ประชุม) —</source>
        <translation>— Acknowledged by the secretariat (not at a meeting) —</translation>
    </message>
    <message>
        <source>ครั้งที่ {number} ({date}) {title}</source>
        <translation>No. {number} ({date}) {title}</translation>
    </message>
    <message>
        <source>หมายเหตุ (ต้องระบุเหตุผลเมื่อยังไม่ให้ปิดเรื่อง)</source>
        <translation>Note (required when keeping it open)</translation>
    </message>
    <message>
        <source>{who} ขอปิดเรื่อง: {note}</source>
        <translation>{who} asks to close it: {note}</translation>
    </message>
    <message>
        <source>คำขอ</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>ผลการพิจารณา</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>รับทราบในที่ประชุม</source>
        <translation>Acknowledged at meeting</translation>
    </message>
    <message>
        <source>วันที่ปิดเรื่อง (พ.ศ.)</source>
        <translation>Closed on (BE)</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>ClosureRequestDialog</name>
    <message>
        <source>ขอปิดเรื่อง {number}</source>
        <translation>Request closure — {number}</translation>
    </message>
    <message>
        <source>ร้อยละ {p}</source>
        <translation>{p}%</translation>
    </message>
    <message>
        <source>สรุปผลการดำเนินการที่แล้วเสร็จ (ไม่บังคับ)</source>
        <translation>Summary of the completed work (optional)</translation>
    </message>
    <message>
        <source>ความก้าวหน้าล่าสุด</source>
        <translation>Latest progress</translation>
    </message>
    <message>
        <source>สรุปผล</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>ข้อสั่งการจะปิดเมื่อฝ่ายเลขานุการหรือที่ประชุมรับทราบแล้ว</source>
        <translation>The directive closes once the secretariat or the meeting acknowledges it</translation>
    </message>
    <message>
        <source>ส่งคำขอปิดเรื่อง</source>
        <translation>Send closure request</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>มีผู้อื่นแก้ไขข้อมูลนี้ระหว่างที่คุณแก้ไข</source>
        <translation>Someone else changed this while you were editing</translation>
    </message>
    <message>
        <source>ผู้ใช้อื่น</source>
        <translation>another user</translation>
    </message>
    <message>
        <source>ไม่ทราบเวลา</source>
        <translation>an unknown time</translation>
    </message>
    <message>
        <source>{what}นี้ถูกแก้ไขโดย {who} เมื่อ {when} หลังจากที่คุณเปิดไว้ ข้อมูลที่คุณพิมพ์ยังไม่ได้บันทึก</source>
        <translation>This {what} was changed by {who} at {when} after you opened it. What you typed is not saved yet.</translation>
    </message>
    <message>
        <source>โหลดใหม่และใส่การแก้ไขของฉันกลับไป</source>
        <translation>Reload and put my changes back</translation>
    </message>
    <message>
        <source>ใช้ข้อมูลของเขา (ไม่บันทึกของฉัน)</source>
        <translation>Keep theirs (discard mine)</translation>
    </message>
    <message>
        <source>บันทึกทับข้อมูลของเขา</source>
        <translation>Overwrite theirs</translation>
    </message>
    <message>
        <source>การบันทึกทับจะถูกบันทึกไว้ในประวัติการแก้ไข</source>
        <translation>An overwrite is recorded in the change history</translation>
    </message>
    <message>
        <source>เฉพาะเลขานุการและผู้ดูแลระบบเท่านั้นที่บันทึกทับได้</source>
        <translation>Only secretaries and administrators may overwrite</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>ของคุณ (ยังไม่บันทึก)</source>
        <translation>Yours (not saved)</translation>
    </message>
    <message>
        <source>ของเขา (บันทึกแล้ว)</source>
        <translation>Theirs (saved)</translation>
    </message>
    <message>
        <source>ก่อนแก้ไข</source>
        <translation>Before</translation>
    </message>
</context>
<context>
    <name>CopyMeetingDialog</name>
    <message>
        <source>คัดลอกการประชุม</source>
        <translation>Copy meeting</translation>
    </message>
    <message>
        <source>คัดลอก</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>จาก {title} ครั้งที่ {number} ({when})</source>
        <translation>From {title} no. {number} ({when})</translation>
    </message>
    <message>
        <source>คัดลอกความเป็นมาและข้อเสนอของแต่ละเรื่องด้วย</source>
        <translation>Also copy each item&apos;s background and proposal</translation>
    </message>
    <message>
        <source>คัดลอกระเบียบวาระ (ชื่อเรื่อง ผู้นำเสนอ เวลาที่วางแผน) สถานที่ เวลา และประธาน ไม่คัดลอกการอภิปราย มติ ผู้เข้าประชุม และข้อสั่งการ — ระเบียบวาระที่ ๒ และ ๓ จะเสนอจากการประชุมครั้งก่อนหลังคัดลอกเสร็จ</source>
        <translation>Copies the agenda (titles, presenters, planned times), venue, time and chair. Does not copy discussion, resolutions, attendees or directives — sections 2 and 3 are proposed from the previous meeting after copying</translation>
    </message>
    <message>
        <source>วันที่ประชุมครั้งใหม่</source>
        <translation>Date of the new meeting</translation>
    </message>
    <message>
        <source>ชื่อการประชุม</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อการประชุม</source>
        <translation>Please enter the meeting title</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>ยังไม่ดำเนินการ</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>อยู่ระหว่างดำเนินการ</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>ติดขัด</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>ใกล้ครบกำหนด</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>เกินกำหนด</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>แล้วเสร็จ</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ภาพรวมการติดตามข้อสั่งการ</source>
        <translation>Follow-up overview</translation>
    </message>
    <message>
        <source>ทุกปีงบประมาณ</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>ทุกไตรมาส</source>
        <translation>All quarters</translation>
    </message>
    <message>
        <source>ไตรมาส {q}</source>
        <translation>Quarter {q}</translation>
    </message>
    <message>
        <source>ทุกชุดการประชุม</source>
        <translation>All meeting series</translation>
    </message>
    <message>
        <source>บันทึกกราฟเป็น PNG…</source>
        <translation>Save chart as PNG…</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก × สถานะ</source>
        <translation>Lead assignee × status</translation>
    </message>
    <message>
        <source>จำนวนข้อสั่งการตามมิติการพัฒนา</source>
        <translation>Directives by development dimension</translation>
    </message>
    <message>
        <source>ข้อสั่งการที่เกินกำหนด (เรียงตามจำนวนวันที่ล่าช้า)</source>
        <translation>Overdue directives (most days late first)</translation>
    </message>
    <message>
        <source>แผนบูรณาการ: ผลการติดตามและประเมินผล</source>
        <translation>Integrated plan: monitoring and evaluation</translation>
    </message>
    <message>
        <source>กำลังโหลดภาพรวม…</source>
        <translation>Loading the overview…</translation>
    </message>
    <message>
        <source>โหลดข้อมูลไม่สำเร็จ: {message}</source>
        <translation>Could not load the data: {message}</translation>
    </message>
    <message>
        <source>ปีงบประมาณ {y}</source>
        <translation>Fiscal year {y}</translation>
    </message>
    <message>
        <source>ข้อสั่งการ {n} เรื่อง</source>
        <translation>{n} directives</translation>
    </message>
    <message>
        <source>ไม่พบข้อสั่งการตามเงื่อนไขที่กรอง</source>
        <translation>No directives match the filters</translation>
    </message>
    <message>
        <source>ยังไม่มีข้อสั่งการ — ตัวเลขจะแสดงเมื่อบันทึกข้อสั่งการในหน้า “ข้อสั่งการ” หรือจากระเบียบวาระการประชุม</source>
        <translation>No directives yet — the figures show once directives are recorded on the “Directives” page or from a meeting&apos;s agenda</translation>
    </message>
    <message>
        <source>ไตรมาส {q}/{y}</source>
        <translation>Q{q}/{y}</translation>
    </message>
    <message>
        <source>{period} เสร็จตามกำหนดร้อยละ {pct:.0f} ({done}/{due})</source>
        <translation>{period}: {pct:.0f}% done on time ({done}/{due})</translation>
    </message>
    <message>
        <source>ข้อมูล ณ วันที่ {d}</source>
        <translation>As of {d}</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead assignee</translation>
    </message>
    <message>
        <source>รวม</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>เลขที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>ล่าช้า (วัน)</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>ระดับการติดตาม</source>
        <translation>Escalation</translation>
    </message>
    <message>
        <source>บันทึกกราฟเป็นรูปภาพ</source>
        <translation>Save chart as image</translation>
    </message>
    <message>
        <source>รูปภาพ PNG (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
</context>
<context>
    <name>DashboardTableExport</name>
    <message>
        <source>ส่งออกตาราง…</source>
        <translation>Export tables…</translation>
    </message>
    <message>
        <source>บันทึกตารางทั้งหมดของภาพรวมนี้เป็น Excel หรือ CSV</source>
        <translation>Save all tables of this dashboard as Excel or CSV</translation>
    </message>
    <message>
        <source>ส่งออกตารางภาพรวม</source>
        <translation>Export dashboard tables</translation>
    </message>
    <message>
        <source>กำลังส่งออกตารางภาพรวม…</source>
        <translation>Exporting dashboard tables…</translation>
    </message>
    <message>
        <source>ส่งออกตารางภาพรวม {count} แถวไปที่ {path} แล้ว</source>
        <translation>Exported {count} dashboard rows to {path}</translation>
    </message>
</context>
<context>
    <name>DimensionCard</name>
    <message>
        <source>เปิดแผนบูรณาการที่มิตินี้</source>
        <translation>Open the integrated plan at this dimension</translation>
    </message>
    <message>
        <source>เบิกจ่าย {p}% ของแผน</source>
        <translation>Disbursed {p}% of plan</translation>
    </message>
    <message>
        <source>เบิกจ่ายสะสม {d} บาท จากแผน {p} บาท (ทั้งปี {y} บาท)</source>
        <translation>Disbursed to date {d} baht of {p} baht planned ({y} baht for the year)</translation>
    </message>
    <message>
        <source>ตัวชี้วัด {n}</source>
        <translation>Indicators {n}</translation>
    </message>
    <message>
        <source>ไม่มีข้อสั่งการที่เชื่อมโยง</source>
        <translation>No linked directives</translation>
    </message>
    <message>
        <source>ข้อสั่งการ: {listed}</source>
        <translation>Directives: {listed}</translation>
    </message>
</context>
<context>
    <name>DimensionDialog</name>
    <message>
        <source>แก้ไขมิติการพัฒนา</source>
        <translation>Edit development dimension</translation>
    </message>
    <message>
        <source>เพิ่มมิติการพัฒนา</source>
        <translation>Add development dimension</translation>
    </message>
    <message>
        <source>เช่น การเสริมสร้างความเข้าใจ</source>
        <translation>e.g. Building understanding</translation>
    </message>
    <message>
        <source>ใช้ในกราฟและตาราง เช่น สร้างความเข้าใจ</source>
        <translation>Used in charts and tables, e.g. Understanding</translation>
    </message>
    <message>
        <source>ชื่อมิติการพัฒนา</source>
        <translation>Dimension name</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Short name</translation>
    </message>
</context>
<context>
    <name>DimensionsModel</name>
    <message>
        <source>ลำดับ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>มิติการพัฒนา</source>
        <translation>Development dimension</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>จำนวนข้อสั่งการ</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ใช้งาน</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ระงับการใช้งาน</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>DimensionsPage</name>
    <message>
        <source>มิติการพัฒนา</source>
        <translation>Development dimension</translation>
    </message>
    <message>
        <source>เพิ่มมิติ</source>
        <translation>Add dimension</translation>
    </message>
    <message>
        <source>เพิ่มมิติการพัฒนา (Ctrl+N)</source>
        <translation>Add a development dimension (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>เลื่อนขึ้น</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>เลื่อนลง</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>ระงับการใช้งาน</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>มิติที่ระงับแล้วยังคงอยู่ในข้อสั่งการเดิม แต่ไม่มีให้เลือกในข้อสั่งการใหม่</source>
        <translation>A deactivated dimension stays on its directives but is not offered for new ones</translation>
    </message>
    <message>
        <source>ยังไม่มีมิติการพัฒนา — กด “เพิ่มมิติ” เพื่อเริ่ม</source>
        <translation>No development dimensions yet — press “Add dimension” to start</translation>
    </message>
    <message>
        <source>ทั้งหมด {count} มิติ · ระงับการใช้งาน {off} · ลำดับนี้ใช้ในกราฟภาพรวมและรายงาน</source>
        <translation>{count} dimensions · {off} deactivated · this order is used in the dashboard charts and reports</translation>
    </message>
    <message>
        <source>เปิดใช้งาน</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>กำลังบันทึก…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>มีผู้อื่นแก้ไขรายการนี้ไปแล้ว — แสดงข้อมูลล่าสุดแล้ว โปรดลองอีกครั้ง</source>
        <translation>Someone else changed this item meanwhile — the latest data is shown, please try again</translation>
    </message>
    <message>
        <source>ทำรายการไม่ได้: {message}</source>
        <translation>Not done: {message}</translation>
    </message>
</context>
<context>
    <name>DirectiveActions</name>
    <message>
        <source>แจ้งติดขัด…</source>
        <translation>Report blocker…</translation>
    </message>
    <message>
        <source>ยกเลิกติดขัด</source>
        <translation>Clear blocker</translation>
    </message>
    <message>
        <source>ขอขยายเวลา…</source>
        <translation>Request extension…</translation>
    </message>
    <message>
        <source>พิจารณาขยายเวลา…</source>
        <translation>Decide extension…</translation>
    </message>
    <message>
        <source>ขอปิดเรื่อง…</source>
        <translation>Request closure…</translation>
    </message>
    <message>
        <source>รับทราบ/ปิดเรื่อง…</source>
        <translation>Acknowledge/close…</translation>
    </message>
</context>
<context>
    <name>DirectiveDetailPane</name>
    <message>
        <source>ประวัติการแก้ไข</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>เลือกข้อสั่งการในตารางเพื่อดูรายละเอียดและความก้าวหน้า</source>
        <translation>Select a directive in the table to see its details and progress</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>สั่งการเมื่อ</source>
        <translation>Issued</translation>
    </message>
    <message>
        <source>กำหนดแล้วเสร็จ</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>ที่มา</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>มิติการพัฒนา / ความเร่งด่วน</source>
        <translation>Dimension / priority</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead assignee</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบร่วม</source>
        <translation>Supporting</translation>
    </message>
    <message>
        <source>พื้นที่</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>ขยายเวลา / ปิดเรื่อง</source>
        <translation>Extensions / closure</translation>
    </message>
    <message>
        <source>ความก้าวหน้า (ล่าสุดอยู่บน)</source>
        <translation>Progress (latest first)</translation>
    </message>
    <message>
        <source> โดย {name}</source>
        <translation> by {name}</translation>
    </message>
    <message>
        <source> (ขยายถึง {date})</source>
        <translation> (extended to {date})</translation>
    </message>
    <message>
        <source>การประชุมครั้งที่ {number}</source>
        <translation>Meeting no. {number}</translation>
    </message>
    <message>
        <source>{dimension} · {priority} · รายงาน{cycle}</source>
        <translation>{dimension} · {priority} · reports {cycle}</translation>
    </message>
    <message>
        <source>แจ้งติดขัดเมื่อ {date}</source>
        <translation>Blocked since {date}</translation>
    </message>
    <message>
        <source>ขอปิดเรื่อง</source>
        <translation>Closure requested</translation>
    </message>
    <message>
        <source>การปิดเรื่อง</source>
        <translation>Closure</translation>
    </message>
    <message>
        <source>{date} · ร้อยละ {percent} · {assignee}</source>
        <translation>{date} · {percent}% · {assignee}</translation>
    </message>
    <message>
        <source>ปัญหา/อุปสรรค</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>ข้อเสนอแนะ</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>การดำเนินการต่อไป</source>
        <translation>Next steps</translation>
    </message>
</context>
<context>
    <name>DirectiveDialog</name>
    <message>
        <source>แก้ไขข้อสั่งการ</source>
        <translation>Edit directive</translation>
    </message>
    <message>
        <source>ข้อสั่งการใหม่</source>
        <translation>New directive</translation>
    </message>
    <message>
        <source>ข้อความข้อสั่งการ เช่น ให้ … ดำเนินการ … ภายใน …</source>
        <translation>Directive text, e.g. &quot;… is to … by …&quot;</translation>
    </message>
    <message>
        <source>— เลือกผู้รับผิดชอบหลัก —</source>
        <translation>— Choose the lead assignee —</translation>
    </message>
    <message>
        <source>กรองตำแหน่งหรือหน่วยงาน…</source>
        <translation>Filter positions or units…</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>มิติการพัฒนา</source>
        <translation>Development dimension</translation>
    </message>
    <message>
        <source>ความเร่งด่วน</source>
        <translation>Priority</translation>
    </message>
    <message>
        <source>รอบการรายงาน</source>
        <translation>Reporting cycle</translation>
    </message>
    <message>
        <source>วันที่สั่งการ (พ.ศ.)</source>
        <translation>Issued on (BE)</translation>
    </message>
    <message>
        <source>กำหนดแล้วเสร็จ (พ.ศ.)</source>
        <translation>Due date (BE)</translation>
    </message>
    <message>
        <source>เลขที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>ออกให้อัตโนมัติเมื่อบันทึก</source>
        <translation>Assigned automatically on save</translation>
    </message>
    <message>
        <source>— เลือกมิติ —</source>
        <translation>— choose a dimension —</translation>
    </message>
    <message>
        <source>ไม่กำหนด</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>ข้อสั่งการที่ไม่มีกำหนดแล้วเสร็จ ต้องระบุเหตุผล</source>
        <translation>A directive without a due date needs a reason</translation>
    </message>
    <message>
        <source>เช่น ดำเนินการต่อเนื่องตลอดปีงบประมาณ</source>
        <translation>e.g. ongoing throughout the fiscal year</translation>
    </message>
    <message>
        <source>เหตุผลที่ไม่กำหนด</source>
        <translation>Reason for no due date</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead assignee</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบร่วม / หน่วยงานสนับสนุน (เลือกได้หลายราย)</source>
        <translation>Supporting posts / units (choose any number)</translation>
    </message>
    <message>
        <source>พื้นที่ที่เกี่ยวข้อง (จังหวัด อำเภอ ตำบล)</source>
        <translation>Related places (province, district, subdistrict)</translation>
    </message>
    <message>
        <source>ไม่ระบุ</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>{name} (ระงับการใช้งานแล้ว)</source>
        <translation>{name} (deactivated)</translation>
    </message>
    <message>
        <source>จากการประชุมครั้งที่ {number}</source>
        <translation>From meeting no. {number}</translation>
    </message>
    <message>
        <source> ระเบียบวาระ {number} {title}</source>
        <translation>, agenda {number} {title}</translation>
    </message>
    <message>
        <source>เลขที่ {number}</source>
        <translation>No. {number}</translation>
    </message>
    <message>
        <source>กรุณากรอกข้อความข้อสั่งการ</source>
        <translation>Please enter the directive text</translation>
    </message>
    <message>
        <source>กรุณาเลือกมิติการพัฒนา หรือเลือก “ไม่ระบุ”</source>
        <translation>Choose a development dimension, or choose “Not specified”</translation>
    </message>
    <message>
        <source>กรุณาเลือกผู้รับผิดชอบหลักจากรายการ</source>
        <translation>Please choose the lead assignee from the list</translation>
    </message>
    <message>
        <source>กรุณาระบุเหตุผลที่ไม่กำหนดวันแล้วเสร็จ</source>
        <translation>Give the reason for having no due date</translation>
    </message>
    <message>
        <source>กรุณากรอกกำหนดแล้วเสร็จ หรือเลือก “ไม่กำหนด” พร้อมระบุเหตุผล</source>
        <translation>Enter a due date, or choose “No due date” with a reason</translation>
    </message>
</context>
<context>
    <name>DirectiveImport</name>
    <message>
        <source>เลือกไฟล์ข้อสั่งการที่จะนำเข้า</source>
        <translation>Choose the directives file to import</translation>
    </message>
    <message>
        <source>นำเข้า…</source>
        <translation>Import…</translation>
    </message>
    <message>
        <source>นำเข้าหรือปรับปรุงข้อสั่งการจากไฟล์ Excel/CSV (ดูรายงานทีละแถวก่อนบันทึก)</source>
        <translation>Import or update directives from an Excel/CSV file (check the row-by-row report before saving)</translation>
    </message>
    <message>
        <source>นำเข้าข้อสั่งการจากไฟล์ (เลขที่ที่มีอยู่แล้ว = ปรับปรุง)</source>
        <translation>Import directives from a file (an existing number = update)</translation>
    </message>
</context>
<context>
    <name>DirectiveScope</name>
    <message>
        <source>ข้อสั่งการของฉัน</source>
        <translation>My directives</translation>
    </message>
    <message>
        <source>ทุกข้อสั่งการ</source>
        <translation>All directives</translation>
    </message>
    <message>
        <source>ข้อสั่งการของตำแหน่งที่ท่านดำรงอยู่ หรือทุกข้อสั่งการ</source>
        <translation>Directives of the posts you hold, or all directives</translation>
    </message>
</context>
<context>
    <name>DirectivesModel</name>
    <message>
        <source>กำลังโหลดข้อสั่งการ…</source>
        <translation>Loading directives…</translation>
    </message>
    <message>
        <source>เลขที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead assignee</translation>
    </message>
    <message>
        <source>กำหนดเสร็จ</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ร้อยละ</source>
        <translation>Percent</translation>
    </message>
    <message>
        <source>ผลล่าสุด: {result}</source>
        <translation>Latest result: {result}</translation>
    </message>
</context>
<context>
    <name>DirectivesPage</name>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>ข้อสั่งการใหม่</source>
        <translation>New directive</translation>
    </message>
    <message>
        <source>ออกข้อสั่งการใหม่ (Ctrl+N)</source>
        <translation>Issue a new directive (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>รายงานความก้าวหน้า…</source>
        <translation>Report progress…</translation>
    </message>
    <message>
        <source>ส่งออก…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>ส่งออกข้อสั่งการตามตัวกรองปัจจุบันเป็น Excel หรือ CSV (Ctrl+E)</source>
        <translation>Export the directives of the current filters as Excel or CSV (Ctrl+E)</translation>
    </message>
    <message>
        <source>รายงานผลการติดตาม…</source>
        <translation>Follow-up report…</translation>
    </message>
    <message>
        <source>ไม่พบข้อสั่งการตามเงื่อนไขที่กรอง</source>
        <translation>No directives match the filters</translation>
    </message>
    <message>
        <source>ยังไม่มีข้อสั่งการ — กด “ข้อสั่งการใหม่” หรือเพิ่มจากเรื่องในระเบียบวาระของการประชุม</source>
        <translation>No directives yet — press “New directive” or add one from an agenda item of a meeting</translation>
    </message>
    <message>
        <source>ยังไม่ดำเนินการ</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>อยู่ระหว่างดำเนินการ</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>ติดขัด</source>
        <translation>Blocked</translation>
    </message>
    <message>
        <source>ใกล้ครบกำหนด</source>
        <translation>Due soon</translation>
    </message>
    <message>
        <source>เกินกำหนด</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ: ตำแหน่ง หน่วยงาน หรือชื่อ</source>
        <translation>Assignee: post, unit or name</translation>
    </message>
    <message>
        <source>ทุกปีงบประมาณ</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>ค้นหาในข้อความข้อสั่งการ (Ctrl+F)</source>
        <translation>Search the directive text (Ctrl+F)</translation>
    </message>
    <message>
        <source>กรอง:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>กำลังนับข้อสั่งการ…</source>
        <translation>Counting directives…</translation>
    </message>
    <message>
        <source>ปีงบประมาณ {year}</source>
        <translation>Fiscal year {year}</translation>
    </message>
    <message>
        <source>ทั้งหมด {count} รายการ</source>
        <translation>{count} records</translation>
    </message>
    <message>
        <source>แล้วเสร็จ</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>ส่งออกข้อสั่งการ</source>
        <translation>Export directives</translation>
    </message>
    <message>
        <source>กำลังส่งออกข้อสั่งการ…</source>
        <translation>Exporting directives…</translation>
    </message>
    <message>
        <source>ส่งออกข้อสั่งการ {count} รายการไปที่ {path} แล้ว</source>
        <translation>Exported {count} directives to {path}</translation>
    </message>
    <message>
        <source>ทุกสถานะ</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>ดำเนินการแล้วเสร็จ</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>บันทึกเป็น PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>บันทึกเป็น Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <source>บันทึกเป็น PDF/A…</source>
        <translation>Save as PDF/A…</translation>
    </message>
    <message>
        <source>PDF/A-2u สำหรับเก็บถาวร</source>
        <translation>PDF/A-2u for archiving</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>กำลังสร้างตัวอย่าง…</source>
        <translation>Making the preview…</translation>
    </message>
    <message>
        <source>ตัวอย่าง {pages} หน้า</source>
        <translation>Preview, {pages} pages</translation>
    </message>
    <message>
        <source>สร้างเอกสารไม่สำเร็จ</source>
        <translation>Could not make the document</translation>
    </message>
    <message>
        <source>เอกสาร PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>PDF/A-2u สำหรับเก็บถาวร (*.pdf)</source>
        <translation>PDF/A-2u for archiving (*.pdf)</translation>
    </message>
    <message>
        <source>กำลังแปลงเป็น PDF/A…</source>
        <translation>Converting to PDF/A…</translation>
    </message>
    <message>
        <source>เอกสาร Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>กำลังสร้างไฟล์ Word…</source>
        <translation>Making the Word file…</translation>
    </message>
    <message>
        <source>บันทึกไว้ที่ {path} แล้ว</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>DocumentsMenu</name>
    <message>
        <source>ดูตัวอย่างและพิมพ์</source>
        <translation>Preview and print</translation>
    </message>
    <message>
        <source>ระเบียบวาระการประชุม</source>
        <translation>Meeting agenda</translation>
    </message>
    <message>
        <source>ระเบียบวาระการประชุม ครั้งที่ {n}</source>
        <translation>Agenda of meeting no. {n}</translation>
    </message>
    <message>
        <source>เอกสารประกอบการประชุม (ทั้งชุด)</source>
        <translation>Meeting dossier (full set)</translation>
    </message>
    <message>
        <source>เอกสารประกอบการประชุม ครั้งที่ {n}</source>
        <translation>Dossier of meeting no. {n}</translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม</source>
        <translation>Invitation letter</translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม ครั้งที่ {n}</source>
        <translation>Invitation letter, meeting no. {n}</translation>
    </message>
    <message>
        <source>บันทึกข้อความแจ้งข้อสั่งการ</source>
        <translation>Memo on directives</translation>
    </message>
    <message>
        <source>บันทึกข้อความ ครั้งที่ {n}</source>
        <translation>Memo, meeting no. {n}</translation>
    </message>
    <message>
        <source>{what} ครั้งที่ {number}</source>
        <translation>{what}, meeting no. {number}</translation>
    </message>
</context>
<context>
    <name>ErrorDetailsDialog</name>
    <message>
        <source>เกิดข้อผิดพลาด</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>คัดลอกรายละเอียด</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>รายละเอียดสำหรับผู้ดูแลระบบ:</source>
        <translation>Details for the administrator:</translation>
    </message>
</context>
<context>
    <name>ExtensionDecisionDialog</name>
    <message>
        <source>พิจารณาการขยายเวลา {number}</source>
        <translation>Extension decision — {number}</translation>
    </message>
    <message>
        <source>อนุมัติ</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>ไม่อนุมัติ</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <source>หมายเหตุ (ต้องระบุเหตุผลเมื่อไม่อนุมัติ)</source>
        <translation>Note (required when refusing)</translation>
    </message>
    <message>
        <source>คำขอ</source>
        <translation>Request</translation>
    </message>
    <message>
        <source>ผู้ขอ</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>เหตุผลของผู้ขอ</source>
        <translation>Reason given</translation>
    </message>
    <message>
        <source>ผลการพิจารณา</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>บันทึกผลการพิจารณา</source>
        <translation>Save decision</translation>
    </message>
</context>
<context>
    <name>ExtensionRequestDialog</name>
    <message>
        <source>ขอขยายเวลา {number}</source>
        <translation>Request extension — {number}</translation>
    </message>
    <message>
        <source>เหตุผลและความจำเป็นที่ต้องขยายเวลา</source>
        <translation>Why the extension is needed</translation>
    </message>
    <message>
        <source>กำหนดแล้วเสร็จปัจจุบัน</source>
        <translation>Current due date</translation>
    </message>
    <message>
        <source>ขอขยายเวลาถึง (พ.ศ.)</source>
        <translation>Extend to (BE)</translation>
    </message>
    <message>
        <source>เหตุผล</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>ส่งคำขอ</source>
        <translation>Send request</translation>
    </message>
</context>
<context>
    <name>ExternalReports</name>
    <message>
        <source>รายงานจากภาคประชาชน (ข้อมูลประกอบ ไม่เปลี่ยนสถานะข้อสั่งการ)</source>
        <translation>Reports from civil society (for information; they do not change a directive&apos;s status)</translation>
    </message>
    <message>
        <source>{date} · {rating} · {source}</source>
        <translation>{date} · {rating} · {source}</translation>
    </message>
</context>
<context>
    <name>FieldVisitsPage</name>
    <message>
        <source>การลงพื้นที่</source>
        <translation>Field visits</translation>
    </message>
    <message>
        <source>◀ เดือนก่อน</source>
        <translation>◀ Previous month</translation>
    </message>
    <message>
        <source>เดือนถัดไป ▶</source>
        <translation>Next month ▶</translation>
    </message>
    <message>
        <source>วางแผนลงพื้นที่…</source>
        <translation>Plan a visit…</translation>
    </message>
    <message>
        <source>แก้ไขแผน…</source>
        <translation>Edit plan…</translation>
    </message>
    <message>
        <source>บันทึกผล/แนบภาพ…</source>
        <translation>Record outcome/attach photos…</translation>
    </message>
    <message>
        <source>เพิ่มข้อค้นพบ…</source>
        <translation>Add finding…</translation>
    </message>
    <message>
        <source>ข้อค้นพบ → รายงานผล…</source>
        <translation>Finding → progress report…</translation>
    </message>
    <message>
        <source>ยกเลิกการลงพื้นที่</source>
        <translation>Cancel the visit</translation>
    </message>
    <message>
        <source>พิมพ์รายงาน (PDF)…</source>
        <translation>Print report (PDF)…</translation>
    </message>
    <message>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <source>การลงพื้นที่ในเดือนนี้</source>
        <translation>Visits this month</translation>
    </message>
    <message>
        <source>โหลดข้อมูลไม่สำเร็จ: {message}</source>
        <translation>Could not load the data: {message}</translation>
    </message>
    <message>
        <source>ยังไม่มีการลงพื้นที่ในเดือนนี้</source>
        <translation>No field visits this month yet</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>บันทึกรายงานการลงพื้นที่</source>
        <translation>Save the field visit report</translation>
    </message>
    <message>
        <source>รายงานการลงพื้นที่</source>
        <translation>Field visit report</translation>
    </message>
    <message>
        <source>บันทึกแล้ว: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>กำลังทำรายการ…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>ทำรายการไม่ได้: {message}</source>
        <translation>Not done: {message}</translation>
    </message>
    <message>
        <source>พื้นที่</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>วัตถุประสงค์</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>หัวหน้าคณะ</source>
        <translation>Head of the team</translation>
    </message>
    <message>
        <source>ส่วนราชการที่ร่วม</source>
        <translation>Agencies joining</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>ผู้ร่วมลงพื้นที่</source>
        <translation>Not recorded yet</translation>
    </message>
    <message>
        <source>ผลการลงพื้นที่</source>
        <translation>Who went</translation>
    </message>
    <message>
        <source>ยังไม่บันทึกผล</source>
        <translation>Outcome of the visit</translation>
    </message>
    <message>
        <source>ประเด็นที่ประชาชนเสนอ</source>
        <translation>Issues raised by the people</translation>
    </message>
    <message>
        <source>ภาพ/หลักฐาน</source>
        <translation>Photos/evidence</translation>
    </message>
    <message>
        <source>{count} ไฟล์</source>
        <translation>{count} files</translation>
    </message>
    <message>
        <source> → รายงานผล {number}</source>
        <translation> → progress report {number}</translation>
    </message>
    <message>
        <source> → เสนอเข้าระเบียบวาระ</source>
        <translation> → proposed for the agenda</translation>
    </message>
    <message>
        <source> → บรรจุในระเบียบวาระแล้ว</source>
        <translation> → on the agenda</translation>
    </message>
    <message>
        <source> → ไม่นำเข้าระเบียบวาระ</source>
        <translation> → not brought to the agenda</translation>
    </message>
    <message>
        <source>จ.</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>อ.</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>พ.</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>พฤ.</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>ศ.</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>ส.</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>อา.</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source> (วันนี้)</source>
        <translation> (today)</translation>
    </message>
</context>
<context>
    <name>FileExport</name>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>บันทึกเป็นไฟล์ &apos;{name}&apos; ไม่ได้ — นามสกุลไฟล์ต้องเป็น {suffixes}</source>
        <translation>Cannot save as &apos;{name}&apos;: the file name must end in {suffixes}</translation>
    </message>
    <message>
        <source>กำลังบันทึกแบบฟอร์ม…</source>
        <translation>Saving the form…</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <source>เพิ่มข้อค้นพบจากการลงพื้นที่</source>
        <translation>Add a finding from the visit</translation>
    </message>
    <message>
        <source>— ไม่เกี่ยวกับข้อสั่งการใด —</source>
        <translation>— not about any directive —</translation>
    </message>
    <message>
        <source>เสนอเข้าระเบียบวาระการประชุมครั้งต่อไป (เรื่องเพื่อพิจารณา)</source>
        <translation>Propose for the next meeting&apos;s agenda (items for consideration)</translation>
    </message>
    <message>
        <source>ชื่อเรื่องในระเบียบวาระ (เว้นว่าง = ใช้ข้อความข้อค้นพบ)</source>
        <translation>Agenda title (empty = use the finding&apos;s text)</translation>
    </message>
    <message>
        <source>ข้อค้นพบ</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>พื้นที่</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>ชื่อเรื่องที่เสนอ</source>
        <translation>Proposed title</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>ฐานข้อมูลใหม่ — สร้างบัญชีผู้ดูแลระบบ</source>
        <translation>New database — create the administrator account</translation>
    </message>
    <message>
        <source>สร้างบัญชีผู้ดูแลระบบ</source>
        <translation>Create administrator account</translation>
    </message>
    <message>
        <source>ฐานข้อมูลนี้ยังไม่มีบัญชีผู้ใช้ บัญชีแรกเป็นผู้ดูแลระบบ ซึ่งเพิ่มบัญชีของฝ่ายเลขานุการ เจ้าหน้าที่ติดตาม และผู้อ่านได้ภายหลัง รหัสผ่านต้องยาวอย่างน้อย {n} ตัวอักษร ใส่ผิด 5 ครั้งติดกันบัญชีจะถูกล็อก</source>
        <translation>This database has no user accounts yet. The first account is the administrator, who can later add accounts for the secretariat, follow-up officers and readers. Passwords need at least {n} characters; five wrong passwords in a row lock the account.</translation>
    </message>
    <message>
        <source>อักษรอังกฤษตัวเล็ก เช่น somchai</source>
        <translation>Lower-case Latin letters, e.g. somchai</translation>
    </message>
    <message>
        <source>เช่น นายสมชาย ใจดี</source>
        <translation>e.g. นายสมชาย ใจดี</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>ชื่อที่แสดง</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>ยืนยันรหัสผ่าน</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <source>สร้างบัญชีและเริ่มใช้งาน</source>
        <translation>Create account and start</translation>
    </message>
    <message>
        <source>รหัสผ่านสองช่องไม่ตรงกัน</source>
        <translation>The two passwords differ</translation>
    </message>
</context>
<context>
    <name>FollowUpReportDialog</name>
    <message>
        <source>รายงานผลการติดตามข้อสั่งการ</source>
        <translation>Directive follow-up report</translation>
    </message>
    <message>
        <source>ทุกปีงบประมาณ</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <source>ทั้งปี</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>ไตรมาส {q}</source>
        <translation>Quarter {q}</translation>
    </message>
    <message>
        <source>ทุกผู้รับผิดชอบ (พิมพ์ตำแหน่ง หน่วยงาน หรือชื่อ)</source>
        <translation>All assignees (type a post, unit or name)</translation>
    </message>
    <message>
        <source>ทุกการประชุม</source>
        <translation>Every meeting</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead assignee</translation>
    </message>
    <message>
        <source>มิติการพัฒนา</source>
        <translation>Development dimension</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>บันทึกเป็น PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>บันทึกเป็น Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <source>ดูตัวอย่างและพิมพ์…</source>
        <translation>Preview and print…</translation>
    </message>
    <message>
        <source>เปิดไฟล์ PDF</source>
        <translation>Open PDF</translation>
    </message>
    <message>
        <source>ปีงบประมาณ:</source>
        <translation>Fiscal year:</translation>
    </message>
    <message>
        <source>ไตรมาส:</source>
        <translation>Quarter:</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ:</source>
        <translation>Assignee:</translation>
    </message>
    <message>
        <source>การประชุม:</source>
        <translation>Meeting:</translation>
    </message>
    <message>
        <source>จัดกลุ่มตาม:</source>
        <translation>Group by:</translation>
    </message>
    <message>
        <source>ข้อมูล ณ วันที่:</source>
        <translation>Data as of:</translation>
    </message>
    <message>
        <source>ปีงบประมาณ {year}</source>
        <translation>Fiscal year {year}</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>{series} ครั้งที่ {number}/{year} ({day})</source>
        <translation>{series} no. {number}/{year} ({day})</translation>
    </message>
    <message>
        <source>วันที่ของข้อมูล: {problem}</source>
        <translation>As-of date: {problem}</translation>
    </message>
    <message>
        <source>ไม่พบการประชุมที่พิมพ์ไว้ — เลือกจากรายการ</source>
        <translation>No meeting matches what was typed — pick one from the list</translation>
    </message>
    <message>
        <source>เอกสาร PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>เอกสาร Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>บันทึกรายงานผลการติดตาม</source>
        <translation>Save follow-up report</translation>
    </message>
    <message>
        <source>กำลังสร้างรายงานผลการติดตาม…</source>
        <translation>Making the follow-up report…</translation>
    </message>
    <message>
        <source>บันทึกรายงานไว้ที่ {path} แล้ว</source>
        <translation>Report saved to {path}</translation>
    </message>
    <message>
        <source>เปิดไฟล์ Word</source>
        <translation>Open the Word file</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>บันทึก</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>บันทึก (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>คู่มือการใช้งาน SBPAC Desktop</source>
        <translation>SBPAC Desktop user guide</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>ประวัติการแก้ไข — {title}</source>
        <translation>Change history — {title}</translation>
    </message>
    <message>
        <source>ประวัติการแก้ไข: {title} (ล่าสุดอยู่บน)</source>
        <translation>Change history: {title} (latest first)</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>พร้อมรายงานผล</source>
        <translation>with a progress report</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>รายงาน</source>
        <translation>Report</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>นำเข้าจากไฟล์</source>
        <translation>Import from a file</translation>
    </message>
    <message>
        <source>ไฟล์: {name}</source>
        <translation>File: {name}</translation>
    </message>
    <message>
        <source>กำลังตรวจสอบไฟล์…</source>
        <translation>Checking the file…</translation>
    </message>
    <message>
        <source>แถว</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ผล</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>รายการ</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>นำเข้า</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>กำลังนำเข้า…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <source>เพิ่มใหม่</source>
        <translation>New</translation>
    </message>
    <message>
        <source>ปรับปรุง</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>ไม่เปลี่ยนแปลง</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>ไม่รับ</source>
        <translation>Refused</translation>
    </message>
    <message>
        <source>ข้อผิดพลาด</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>คำเตือน</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>เพิ่มรายงานผล</source>
        <translation>Progress added</translation>
    </message>
    <message>
        <source>ทั้งไฟล์</source>
        <translation>Whole file</translation>
    </message>
</context>
<context>
    <name>LettersMenu</name>
    <message>
        <source>หนังสือ</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม (ฉบับเดียว พร้อมบัญชีแจกจ่าย)…</source>
        <translation>Invitation letter (one, with a distribution list)…</translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม (แยกฉบับละตำแหน่ง)…</source>
        <translation>Invitation letters (one per post)…</translation>
    </message>
    <message>
        <source>บันทึกข้อความแจ้งข้อสั่งการถึงหน่วยงาน…</source>
        <translation>Memos on directives to the units…</translation>
    </message>
    <message>
        <source>เอกสาร PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>เอกสาร Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>หนังสือเชิญประชุม ครั้งที่ {number}</source>
        <translation>Invitation letter, meeting no. {number}</translation>
    </message>
    <message>
        <source>บันทึกหนังสือเชิญประชุม</source>
        <translation>Save the invitation letter</translation>
    </message>
    <message>
        <source>กำลังสร้างหนังสือเชิญประชุม…</source>
        <translation>Making the invitation letter…</translation>
    </message>
    <message>
        <source>บันทึกข้อความแจ้งข้อสั่งการ ครั้งที่ {number}</source>
        <translation>Memo on directives, meeting no. {number}</translation>
    </message>
    <message>
        <source>บันทึกข้อความแจ้งข้อสั่งการ</source>
        <translation>Memo on directives</translation>
    </message>
    <message>
        <source>กำลังสร้างบันทึกข้อความ…</source>
        <translation>Making the memos…</translation>
    </message>
    <message>
        <source>บันทึกไว้ที่ {path} แล้ว</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <source>ไฟล์</source>
        <translation>File</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>มุมมอง</source>
        <translation>View</translation>
    </message>
    <message>
        <source>ช่วยเหลือ</source>
        <translation>Help</translation>
    </message>
    <message>
        <source>เปิดไฟล์ฐานข้อมูล…</source>
        <translation>Open database file…</translation>
    </message>
    <message>
        <source>สำรองข้อมูล…</source>
        <translation>Back up…</translation>
    </message>
    <message>
        <source>ส่งออกข้อสั่งการ…</source>
        <translation>Export directives…</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>ค้นหาทั้งระบบ</source>
        <translation>Search everything</translation>
    </message>
    <message>
        <source>คู่มือการใช้งาน</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>แป้นพิมพ์ลัด</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>เกี่ยวกับโปรแกรม</source>
        <translation>About</translation>
    </message>
    <message>
        <source>กำลังสำรองข้อมูล…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>สำรองข้อมูลแล้ว: {path} ({size} กิโลไบต์) ตรวจความสมบูรณ์ผ่าน</source>
        <translation>Backed up: {path} ({size} KB), integrity check passed</translation>
    </message>
    <message>
        <source>สำรองข้อมูลไปที่ไฟล์</source>
        <translation>Back up to a file</translation>
    </message>
    <message>
        <source>ฐานข้อมูล SQLite (*.db)</source>
        <translation>SQLite database (*.db)</translation>
    </message>
    <message>
        <source>SBPAC Desktop รุ่น {version}</source>
        <translation>SBPAC Desktop version {version}</translation>
    </message>
    <message>
        <source>ระบบการประชุมและติดตามข้อสั่งการ ศูนย์อำนวยการบริหารจังหวัดชายแดนภาคใต้ (ศอ.บต.)
ฐานข้อมูล: {database}</source>
        <translation>Meetings and directive follow-up of the Southern Border Provinces Administrative Centre (SBPAC)
Database: {database}</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>SBPAC Desktop — ระบบการประชุมและติดตามข้อสั่งการ ศอ.บต.</source>
        <translation>SBPAC Desktop — SBPAC meetings and directive follow-up</translation>
    </message>
    <message>
        <source>การประชุม</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>ภาพรวม</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>การลงพื้นที่</source>
        <translation>Field visits</translation>
    </message>
    <message>
        <source>เครือข่ายภาคประชาชน</source>
        <translation>Civil-society network</translation>
    </message>
    <message>
        <source>แผนบูรณาการ</source>
        <translation>Integrated plan</translation>
    </message>
    <message>
        <source>บุคคลและหน่วยงาน</source>
        <translation>People &amp; units</translation>
    </message>
    <message>
        <source>ชุดการประชุม</source>
        <translation>Meeting series</translation>
    </message>
    <message>
        <source>มิติการพัฒนา</source>
        <translation>Development dimension</translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>บัญชีผู้ใช้</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>แถบเครื่องมือหลัก</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>โหลดใหม่</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>โหลดข้อมูลของหน้านี้ใหม่ (F5)</source>
        <translation>Reload this page (F5)</translation>
    </message>
    <message>
        <source>สร้างใหม่</source>
        <translation>New</translation>
    </message>
    <message>
        <source>สร้างรายการใหม่ในหน้านี้ (Ctrl+N)</source>
        <translation>Create a new record on this page (Ctrl+N)</translation>
    </message>
    <message>
        <source>ค้นหา/กรอง</source>
        <translation>Find/filter</translation>
    </message>
    <message>
        <source>รายงานผลการติดตาม…</source>
        <translation>Follow-up report…</translation>
    </message>
    <message>
        <source>พิมพ์รายงานผลการติดตามข้อสั่งการเป็น PDF</source>
        <translation>Print the directive follow-up report as PDF</translation>
    </message>
    <message>
        <source>ค้นหา…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <source>ค้นหาการประชุม ระเบียบวาระ รายงานการประชุม ข้อสั่งการ และรายงานความก้าวหน้า (Enter)</source>
        <translation>Search meetings, agenda items, minutes, directives and progress reports (Enter)</translation>
    </message>
    <message>
        <source>ฐานข้อมูล: {database}</source>
        <translation>Database: {database}</translation>
    </message>
    <message>
        <source>ผู้ใช้: {name}</source>
        <translation>User: {name}</translation>
    </message>
    <message>
        <source>ผู้ใช้: {name} ({role})</source>
        <translation>User: {name} ({role})</translation>
    </message>
    <message>
        <source>กำลังเปิดฐานข้อมูล…</source>
        <translation>Opening the database…</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>การประชุมใหม่</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>แก้ไขรายละเอียดการประชุม</source>
        <translation>Edit meeting details</translation>
    </message>
    <message>
        <source>ชุดการประชุมเปลี่ยนภายหลังไม่ได้</source>
        <translation>The meeting series cannot be changed later</translation>
    </message>
    <message>
        <source>รายงานการประชุมครั้งนี้ได้รับการรับรองแล้ว จึงแก้ไขไม่ได้</source>
        <translation>The minutes of this meeting are certified and can no longer be changed</translation>
    </message>
    <message>
        <source>กรุณาเลือกชุดการประชุม</source>
        <translation>Please choose a meeting series</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อการประชุม</source>
        <translation>Please enter the meeting title</translation>
    </message>
    <message>
        <source>กรุณากรอกสถานที่ประชุม</source>
        <translation>Please enter the venue</translation>
    </message>
    <message>
        <source>ไม่พบชื่อนี้ในรายชื่อบุคคล — โปรดเลือกจากรายการ</source>
        <translation>This name is not in the list of people — please pick from the list</translation>
    </message>
</context>
<context>
    <name>MeetingForm</name>
    <message>
        <source>ชุดการประชุม</source>
        <translation>Meeting series</translation>
    </message>
    <message>
        <source>ชื่อการประชุม</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>ครั้งที่</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>ปล่อยเป็น &quot;อัตโนมัติ&quot; เพื่อใช้ครั้งที่ถัดไปของปีปฏิทิน</source>
        <translation>Leave at &quot;Automatic&quot; to take the next number of the calendar year</translation>
    </message>
    <message>
        <source>อัตโนมัติ (ครั้งถัดไปของปี)</source>
        <translation>Automatic (next of the year)</translation>
    </message>
    <message>
        <source>วันที่ประชุม (พ.ศ.)</source>
        <translation>Meeting date (BE)</translation>
    </message>
    <message>
        <source>เวลาประชุม</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>เช่น 09.30</source>
        <translation>e.g. 09.30</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>to</translation>
    </message>
    <message>
        <source>น.</source>
        <translation>hrs</translation>
    </message>
    <message>
        <source>สถานที่</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>พิมพ์ใหม่ หรือเลือกสถานที่ที่เคยใช้</source>
        <translation>Type a new venue or pick one used before</translation>
    </message>
    <message>
        <source>ประธานการประชุม</source>
        <translation>Chair</translation>
    </message>
    <message>
        <source>ผู้จดรายงานการประชุม</source>
        <translation>Minute taker</translation>
    </message>
    <message>
        <source>รูปแบบการจดรายงาน</source>
        <translation>Minutes style</translation>
    </message>
    <message>
        <source>แบบย่อ แบบละเอียด หรือเฉพาะมติ</source>
        <translation>Summary, verbatim or resolutions only</translation>
    </message>
</context>
<context>
    <name>MeetingWindow</name>
    <message>
        <source>ระเบียบวาระ</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>ผู้เข้าประชุม</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <source>รายงานการประชุม</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <source>ประวัติการแก้ไข</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>{title} ครั้งที่ {number}</source>
        <translation>{title} no. {number}</translation>
    </message>
    <message>
        <source> เวลา {time}</source>
        <translation> at {time}</translation>
    </message>
    <message>
        <source>{when} ณ {venue} · ประธาน: {chair} · สถานะ: {status}</source>
        <translation>{when}, {venue} · Chair: {chair} · Status: {status}</translation>
    </message>
    <message>
        <source> — รับรองแล้ว แก้ไขไม่ได้</source>
        <translation> — certified, read-only</translation>
    </message>
</context>
<context>
    <name>MeetingsModel</name>
    <message>
        <source>ครั้งที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>วันที่</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>ชื่อการประชุม</source>
        <translation>Meeting title</translation>
    </message>
    <message>
        <source>สถานที่</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>MeetingsPage</name>
    <message>
        <source>การประชุม</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>ประชุมใหม่</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <source>สร้างการประชุมใหม่ (Ctrl+N)</source>
        <translation>Create a new meeting (Ctrl+N)</translation>
    </message>
    <message>
        <source>เปิดการประชุม</source>
        <translation>Open meeting</translation>
    </message>
    <message>
        <source>ระเบียบวาระ ผู้เข้าประชุม และรายงานการประชุม (ดับเบิลคลิกที่แถว)</source>
        <translation>Agenda, attendance and minutes (double-click a row)</translation>
    </message>
    <message>
        <source>แก้ไขรายละเอียด</source>
        <translation>Edit details</translation>
    </message>
    <message>
        <source>แก้ไขชื่อ วันที่ เวลา สถานที่ ประธาน และผู้จดรายงาน (F2)</source>
        <translation>Edit the title, date, time, venue, chair and minute taker (F2)</translation>
    </message>
    <message>
        <source>แก้ไขรายละเอียด…</source>
        <translation>Edit details…</translation>
    </message>
    <message>
        <source>คัดลอกการประชุม</source>
        <translation>Copy meeting</translation>
    </message>
    <message>
        <source>สร้างการประชุมครั้งใหม่ของชุดเดียวกันจากการประชุมที่เลือก พร้อมระเบียบวาระ</source>
        <translation>Create the next meeting of the same series from the selected meeting, with its agenda</translation>
    </message>
    <message>
        <source>คัดลอกการประชุม…</source>
        <translation>Copy meeting…</translation>
    </message>
    <message>
        <source>ยังไม่มีการประชุม — เริ่มจากหน้า “บุคคลและหน่วยงาน” และ “ชุดการประชุม” แล้วกด “ประชุมใหม่”</source>
        <translation>No meetings yet — start on the “People and units” and “Meeting series” pages, then press “New meeting”</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>แก้ไขข้อมูลสมาชิกเครือข่าย</source>
        <translation>Edit network member</translation>
    </message>
    <message>
        <source>ลงทะเบียนสมาชิกเครือข่าย</source>
        <translation>Register a network member</translation>
    </message>
    <message>
        <source>— เลือกประเภท —</source>
        <translation>— choose a type —</translation>
    </message>
    <message>
        <source>เช่น นางสาวฟาตีมะห์ ดอเลาะ</source>
        <translation>e.g. Ms Fatimah Dolah</translation>
    </message>
    <message>
        <source>เช่น บัณฑิตอาสาพัฒนามาตุภูมิ รุ่นที่ 3</source>
        <translation>e.g. Volunteer graduates, class 3</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>พื้นที่ (ตำบล)</source>
        <translation>Place (subdistrict)</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>เริ่มปฏิบัติงาน</source>
        <translation>Active from</translation>
    </message>
    <message>
        <source>สิ้นสุดการปฏิบัติงาน</source>
        <translation>Active until</translation>
    </message>
    <message>
        <source>เว้นวันที่ว่างไว้ได้ หากยังปฏิบัติงานอยู่</source>
        <translation>Leave the dates empty while still active</translation>
    </message>
    <message>
        <source>กรุณาเลือกประเภท: เครือข่ายภาคประชาชน หรือ บัณฑิตอาสาพัฒนามาตุภูมิ</source>
        <translation>Choose a type: civil-society network or volunteer graduate</translation>
    </message>
    <message>
        <source>ไม่พบพื้นที่ที่พิมพ์ — เลือกจากรายการ (เช่น ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี)</source>
        <translation>Place not found — choose from the list (e.g. ต.สะบารัง อ.เมืองปัตตานี จ.ปัตตานี)</translation>
    </message>
    <message>
        <source>อีเมลไม่ถูกต้อง (ตัวอย่าง: name@example.com)</source>
        <translation>Invalid e-mail address (example: name@example.com)</translation>
    </message>
</context>
<context>
    <name>MembersModel</name>
    <message>
        <source>ลำดับ</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>บทบาทในที่ประชุม</source>
        <translation>Role in meeting</translation>
    </message>
    <message>
        <source>ผู้ดำรงตำแหน่งวันนี้</source>
        <translation>Holder today</translation>
    </message>
    <message>
        <source>{post} (ระงับแล้ว)</source>
        <translation>{post} (deactivated)</translation>
    </message>
    <message>
        <source>ว่าง</source>
        <translation>Vacant</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>องค์กร</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>พื้นที่ (ตำบล)</source>
        <translation>Place (subdistrict)</translation>
    </message>
    <message>
        <source>ติดต่อ</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>ช่วงปฏิบัติงาน</source>
        <translation>Active period</translation>
    </message>
</context>
<context>
    <name>MinutesTab</name>
    <message>
        <source>สร้างตัวอย่างใหม่</source>
        <translation>Refresh preview</translation>
    </message>
    <message>
        <source>พิมพ์…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>พิมพ์ (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <source>บันทึกเป็น PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>บันทึกเป็น Word…</source>
        <translation>Save as Word…</translation>
    </message>
    <message>
        <source>ไฟล์ Word (.docx) ที่แก้ไขต่อได้ก่อนเสนอลงนาม</source>
        <translation>A Word file (.docx) to finish before it goes for signature</translation>
    </message>
    <message>
        <source>ลงนามดิจิทัล…</source>
        <translation>Sign digitally…</translation>
    </message>
    <message>
        <source>ลงนามรายงานการประชุมที่รับรองแล้วด้วยใบรับรอง .p12/.pfx</source>
        <translation>Sign the certified minutes with a .p12/.pfx certificate</translation>
    </message>
    <message>
        <source>ร่างเสร็จแล้ว</source>
        <translation>Draft complete</translation>
    </message>
    <message>
        <source>ตรวจแล้ว</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>รับรองแล้ว</source>
        <translation>Certified</translation>
    </message>
    <message>
        <source>สถานะ: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source> — รับรองแล้ว แก้ไขไม่ได้</source>
        <translation> — certified, read-only</translation>
    </message>
    <message>
        <source>รับรองรายงานการประชุม</source>
        <translation>Certify minutes</translation>
    </message>
    <message>
        <source>เมื่อรับรองแล้ว รายงานการประชุมนี้จะแก้ไขไม่ได้อีก ยืนยันหรือไม่?</source>
        <translation>Once certified, these minutes can no longer be changed. Certify them?</translation>
    </message>
    <message>
        <source>ยังไม่พร้อม</source>
        <translation>Not available</translation>
    </message>
    <message>
        <source>ยังไม่พร้อม — ส่วนพิมพ์รายงานการประชุม (reporting.minutes) ยังไม่มีในรุ่นนี้
ระหว่างนี้เปลี่ยนสถานะรายงานการประชุมได้ตามปกติ</source>
        <translation>Not available — printing of minutes (reporting.minutes) is not in this version.
You can still change the status of the minutes.</translation>
    </message>
    <message>
        <source>กำลังสร้างตัวอย่างรายงานการประชุม…</source>
        <translation>Building the minutes preview…</translation>
    </message>
    <message>
        <source>กำลังสร้างรายงานการประชุม…</source>
        <translation>Building the minutes…</translation>
    </message>
    <message>
        <source>ตัวอย่างรายงานการประชุม {pages} หน้า</source>
        <translation>Minutes preview, {pages} pages</translation>
    </message>
    <message>
        <source>สร้างรายงานการประชุมไม่สำเร็จ</source>
        <translation>Could not build the minutes</translation>
    </message>
    <message>
        <source>รายงานการประชุม ครั้งที่ {number}.pdf</source>
        <translation>Minutes {number}.pdf</translation>
    </message>
    <message>
        <source>PDF/A-2u สำหรับเก็บถาวร (*.pdf)</source>
        <translation>PDF/A-2u for archiving (*.pdf)</translation>
    </message>
    <message>
        <source>บันทึกรายงานการประชุม</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <source>ไฟล์ PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>กำลังแปลงเป็น PDF/A…</source>
        <translation>Converting to PDF/A…</translation>
    </message>
    <message>
        <source>บันทึก PDF/A ไว้ที่ {path} แล้ว</source>
        <translation>PDF/A saved to {path}</translation>
    </message>
    <message>
        <source>{name} ลงนาม.pdf</source>
        <translation>{name} signed.pdf</translation>
    </message>
    <message>
        <source>ลงนามแล้ว: {path}</source>
        <translation>Signed: {path}</translation>
    </message>
    <message>
        <source>บันทึกรายงานการประชุมเป็น Word</source>
        <translation>Save the minutes as Word</translation>
    </message>
    <message>
        <source>เอกสาร Word (*.docx)</source>
        <translation>Word document (*.docx)</translation>
    </message>
    <message>
        <source>กำลังสร้างไฟล์ Word…</source>
        <translation>Making the Word file…</translation>
    </message>
    <message>
        <source>บันทึกไฟล์ Word ไว้ที่ {path} แล้ว</source>
        <translation>Word file saved to {path}</translation>
    </message>
</context>
<context>
    <name>NetworkImport</name>
    <message>
        <source>บันทึกแบบรายงานสำหรับเครือข่าย</source>
        <translation>Save the report form for the network</translation>
    </message>
    <message>
        <source>แบบรายงานเครือข่ายภาคประชาชน.xlsx</source>
        <translation>network-report-form.xlsx</translation>
    </message>
    <message>
        <source>บันทึกแบบรายงานไว้ที่ {path} แล้ว</source>
        <translation>Report form saved to {path}</translation>
    </message>
</context>
<context>
    <name>NetworkPage</name>
    <message>
        <source>เครือข่ายภาคประชาชน</source>
        <translation>Civil-society network</translation>
    </message>
    <message>
        <source>ทุกประเภท</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>เฉพาะผู้ที่ยังปฏิบัติงาน</source>
        <translation>Only those active today</translation>
    </message>
    <message>
        <source>ดาวน์โหลดแบบฟอร์ม…</source>
        <translation>Download the form…</translation>
    </message>
    <message>
        <source>แบบรายงาน Excel ให้เครือข่ายและบัณฑิตอาสากรอก แล้วนำเข้ากลับ</source>
        <translation>An Excel report form for the network and volunteer graduates to fill in and send back</translation>
    </message>
    <message>
        <source>นำเข้าจากไฟล์…</source>
        <translation>Import from a file…</translation>
    </message>
    <message>
        <source>นำเข้ารายงานจากแบบฟอร์มที่กรอกแล้ว (ตรวจทุกแถวก่อน บันทึกทั้งหมดหรือไม่บันทึกเลย)</source>
        <translation>Import reports from a filled-in form (every row checked first; all saved or nothing)</translation>
    </message>
    <message>
        <source>ลงทะเบียนสมาชิก…</source>
        <translation>Register a member…</translation>
    </message>
    <message>
        <source>เครือข่ายภาคประชาชนหรือบัณฑิตอาสาคนใหม่ (Ctrl+N)</source>
        <translation>A new network member or volunteer graduate (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไขข้อมูลสมาชิก…</source>
        <translation>Edit member…</translation>
    </message>
    <message>
        <source>แก้ไขสมาชิกที่เลือก</source>
        <translation>Edit the selected member</translation>
    </message>
    <message>
        <source>เพิ่มรายงาน…</source>
        <translation>Add report…</translation>
    </message>
    <message>
        <source>รายงานของสมาชิกที่เลือก</source>
        <translation>Reports of the selected member</translation>
    </message>
    <message>
        <source>ลบรายงาน…</source>
        <translation>Remove report…</translation>
    </message>
    <message>
        <source>ลบรายงานที่เลือก (เช่น บันทึกซ้ำหรือผิดคน)</source>
        <translation>Remove the selected report (e.g. entered twice or for the wrong person)</translation>
    </message>
    <message>
        <source>กำลังโหลดทะเบียนเครือข่าย…</source>
        <translation>Loading the network register…</translation>
    </message>
    <message>
        <source>ทั้งหมด {count} คน: เครือข่ายภาคประชาชน {network} คน บัณฑิตอาสาพัฒนามาตุภูมิ {volunteer} คน</source>
        <translation>{count} in all: {network} network members, {volunteer} volunteer graduates</translation>
    </message>
    <message>
        <source>ยังไม่มีสมาชิกที่ตรงกับตัวกรอง</source>
        <translation>No member matches the filter</translation>
    </message>
    <message>
        <source>เลือกสมาชิกเพื่อดูรายงาน</source>
        <translation>Choose a member to see the reports</translation>
    </message>
    <message>
        <source>รายงานของ {name} ({kind})</source>
        <translation>Reports of {name} ({kind})</translation>
    </message>
    <message>
        <source>กำลังโหลดรายงาน…</source>
        <translation>Loading the reports…</translation>
    </message>
    <message>
        <source> — ยังไม่มีรายงาน</source>
        <translation> — no reports yet</translation>
    </message>
    <message>
        <source>กำลังเปิดรายงาน…</source>
        <translation>Opening the report…</translation>
    </message>
    <message>
        <source>บัญชีนี้ดูข้อมูลได้อย่างเดียว (บันทึกได้เฉพาะผู้ดูแลระบบและเลขานุการ)</source>
        <translation>This account may only read (only administrators and secretaries can save)</translation>
    </message>
    <message>
        <source>ลบรายงานวันที่ {date} ของ {name} ใช่หรือไม่?</source>
        <translation>Remove the report of {date} by {name}?</translation>
    </message>
    <message>
        <source>ลบรายงานจากภาคประชาชน</source>
        <translation>Remove a civil-society report</translation>
    </message>
    <message>
        <source>กำลังลบรายงาน…</source>
        <translation>Removing the report…</translation>
    </message>
    <message>
        <source>เลือกไฟล์รายงานจากเครือข่ายภาคประชาชน</source>
        <translation>Choose the file of reports from the network</translation>
    </message>
    <message>
        <source>นำเข้ารายงานจากเครือข่ายภาคประชาชนและบัณฑิตอาสา</source>
        <translation>Import reports from the civil-society network and volunteer graduates</translation>
    </message>
    <message>
        <source>บัณฑิตอาสา</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>เครือข่าย</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>บัณฑิตอาสาพัฒนามาตุภูมิ</source>
        <translation>Volunteer graduates (บัณฑิตอาสาพัฒนามาตุภูมิ)</translation>
    </message>
    <message>
        <source>เห็นผล</source>
        <translation>Effective</translation>
    </message>
    <message>
        <source>เห็นผลบางส่วน</source>
        <translation>Partly effective</translation>
    </message>
    <message>
        <source>ไม่เห็นผล</source>
        <translation>Not effective</translation>
    </message>
    <message>
        <source>ไม่ระบุ</source>
        <translation>Not specified</translation>
    </message>
    <message>
        <source>ปัจจุบัน</source>
        <translation>Current</translation>
    </message>
</context>
<context>
    <name>NetworkReportDialog</name>
    <message>
        <source>เพิ่มรายงานจากภาคประชาชน</source>
        <translation>Add a report from civil society</translation>
    </message>
    <message>
        <source>— เลือกผลที่เห็น —</source>
        <translation>— choose what was seen —</translation>
    </message>
    <message>
        <source>— ไม่เกี่ยวกับข้อสั่งการใด —</source>
        <translation>— not about any directive —</translation>
    </message>
    <message>
        <source>สิ่งที่พบในพื้นที่ เช่น ความคืบหน้าของโครงการ ปัญหา ข้อเสนอของชาวบ้าน</source>
        <translation>What was seen in the area, e.g. the project&apos;s progress, problems, the villagers&apos; proposals</translation>
    </message>
    <message>
        <source>แสดงคู่กับรายงานผลของเจ้าหน้าที่ ระบุว่าเป็นข้อมูลจากภาคประชาชน ไม่เปลี่ยนสถานะข้อสั่งการ</source>
        <translation>Shown beside the officers&apos; progress reports, marked as coming from civil society; it does not change the directive&apos;s status</translation>
    </message>
    <message>
        <source>ผู้รายงาน</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>วันที่รายงาน</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>ผลที่เห็น</source>
        <translation>Result seen</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directives</translation>
    </message>
    <message>
        <source>พื้นที่</source>
        <translation>Places</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>กรุณาเลือกผลที่เห็น: เห็นผล เห็นผลบางส่วน หรือ ไม่เห็นผล</source>
        <translation>Choose the result seen: effective, partly effective or not effective</translation>
    </message>
    <message>
        <source>ไม่พบข้อสั่งการที่พิมพ์ — เลือกจากรายการ</source>
        <translation>Directive not found — choose from the list</translation>
    </message>
    <message>
        <source>ไม่พบพื้นที่ที่พิมพ์ — เลือกจากรายการ</source>
        <translation>Place not found — choose from the list</translation>
    </message>
    <message>
        <source>กรุณาระบุข้อสั่งการหรือพื้นที่ที่รายงาน</source>
        <translation>Give a directive or a place for the report</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>ข้อมูลส่วนราชการสำหรับหนังสือราชการ</source>
        <translation>Office details for official letters</translation>
    </message>
    <message>
        <source>เช่น นร 5207 (พิมพ์เป็น ที่ นร 5207/ว …)</source>
        <translation>e.g. นร 5207 (printed as ที่ นร 5207/ว …)</translation>
    </message>
    <message>
        <source>เลือกไฟล์ภาพ…</source>
        <translation>Choose image…</translation>
    </message>
    <message>
        <source>ไม่ใช้ตราสัญลักษณ์</source>
        <translation>No emblem</translation>
    </message>
    <message>
        <source>ชื่อส่วนราชการ</source>
        <translation>Office name</translation>
    </message>
    <message>
        <source>ที่อยู่</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>หมายเลขโทรศัพท์</source>
        <translation>Telephone</translation>
    </message>
    <message>
        <source>รหัสหนังสือ (ที่ …)</source>
        <translation>Letter code (ที่ …)</translation>
    </message>
    <message>
        <source>ตราสัญลักษณ์</source>
        <translation>Emblem</translation>
    </message>
    <message>
        <source>(ไม่มีตราสัญลักษณ์)</source>
        <translation>(no emblem)</translation>
    </message>
    <message>
        <source>(แสดงภาพไม่ได้)</source>
        <translation>(cannot show the image)</translation>
    </message>
    <message>
        <source>อ่านไฟล์ไม่ได้: {why}</source>
        <translation>Cannot read the file: {why}</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <source>กำลังบันทึก…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>OrgUnitDialog</name>
    <message>
        <source>แก้ไขหน่วยงาน</source>
        <translation>Edit unit</translation>
    </message>
    <message>
        <source>เพิ่มหน่วยงาน</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>— ไม่มี (หน่วยงานระดับบนสุด) —</source>
        <translation>— None (top-level unit) —</translation>
    </message>
</context>
<context>
    <name>OrgUnitForm</name>
    <message>
        <source>ชื่อหน่วยงาน</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>เช่น กองประสานและเร่งรัดการพัฒนาพื้นที่พิเศษจังหวัดชายแดนภาคใต้</source>
        <translation>e.g. Division for Coordinating and Expediting Development of the Southern Border Special Zone</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>เช่น กปพ.</source>
        <translation>e.g. กปพ.</translation>
    </message>
    <message>
        <source>ชื่อย่อที่ใช้ในตารางและหนังสือ ต้องไม่ซ้ำกับหน่วยงานอื่น</source>
        <translation>The short name used in tables and letters; must differ from every other unit</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>สังกัด</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>หน่วยงานแม่ เช่น กองต่าง ๆ สังกัด ศอ.บต.</source>
        <translation>The parent unit, e.g. the divisions under SBPAC</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>บันทึกผลการลงพื้นที่</source>
        <translation>Record the visit outcome</translation>
    </message>
    <message>
        <source>ผู้ร่วมลงพื้นที่</source>
        <translation>Who went</translation>
    </message>
    <message>
        <source>ผลการลงพื้นที่</source>
        <translation>Outcome of the visit</translation>
    </message>
    <message>
        <source>ประเด็นที่ประชาชนเสนอ</source>
        <translation>Issues raised by the people</translation>
    </message>
    <message>
        <source>ภาพถ่าย/หลักฐาน</source>
        <translation>Photos/evidence</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>ตั้งรหัสผ่านใหม่</source>
        <translation>Set a new password</translation>
    </message>
    <message>
        <source>อย่างน้อย 8 ตัวอักษร</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>รหัสผ่านใหม่</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>รหัสผ่านอีกครั้ง</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>บัญชีที่ถูกล็อกหรือปิดใช้งานจะกลับมาใช้ได้ด้วยรหัสผ่านนี้</source>
        <translation>A locked or deactivated account can sign in again with this password</translation>
    </message>
    <message>
        <source>รหัสผ่านสองช่องไม่ตรงกัน — โปรดพิมพ์ให้เหมือนกัน</source>
        <translation>The two passwords differ — please type the same one twice</translation>
    </message>
</context>
<context>
    <name>PeopleImport</name>
    <message>
        <source>บันทึกแบบฟอร์มนำเข้า</source>
        <translation>Save the import form</translation>
    </message>
    <message>
        <source>แบบฟอร์มนำเข้าหน่วยงานและบุคคล.xlsx</source>
        <translation>units-and-people-import-form.xlsx</translation>
    </message>
    <message>
        <source>บันทึกแบบฟอร์มไว้ที่ {path} แล้ว</source>
        <translation>Form saved to {path}</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>ชื่อ-นามสกุล</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ตำแหน่งปัจจุบัน</source>
        <translation>Current post</translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>{name} (ระงับแล้ว)</source>
        <translation>{name} (inactive)</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>บุคคลและหน่วยงาน</source>
        <translation>People &amp; units</translation>
    </message>
    <message>
        <source>ค้นหาชื่อ ตำแหน่ง หน่วยงาน หรือชื่อย่อ (Ctrl+F)</source>
        <translation>Search names, posts, units or short names (Ctrl+F)</translation>
    </message>
    <message>
        <source>แสดงรายการที่ระงับแล้ว</source>
        <translation>Show inactive records</translation>
    </message>
    <message>
        <source>ดาวน์โหลดแบบฟอร์ม</source>
        <translation>Download the template</translation>
    </message>
    <message>
        <source>แบบฟอร์ม Excel สำหรับกรอกหน่วยงาน ตำแหน่ง บุคคล และวาระ แล้วนำเข้า</source>
        <translation>An Excel form to fill in units, posts, people and terms, then import</translation>
    </message>
    <message>
        <source>นำเข้าจากไฟล์…</source>
        <translation>Import from a file…</translation>
    </message>
    <message>
        <source>ตำแหน่งและผู้ดำรงตำแหน่ง</source>
        <translation>Posts and holders</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>บุคคล</source>
        <translation>People</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>โหลดข้อมูลไม่สำเร็จ: {message}</source>
        <translation>Could not load the data: {message}</translation>
    </message>
    <message>
        <source>ยังไม่มีหน่วยงานและบุคคล — กด “นำเข้าจากไฟล์…” (แบบฟอร์มจาก “ดาวน์โหลดแบบฟอร์ม”) หรือเพิ่มทีละรายการ: หน่วยงาน ตำแหน่ง บุคคล แล้วกำหนดผู้ดำรงตำแหน่ง</source>
        <translation>No units or people yet — press “Import from a file…” (the form from “Download the template”) or add them one by one: units, posts, people, then assign the post holders</translation>
    </message>
    <message>
        <source>ตำแหน่ง {posts} ตำแหน่ง (ว่าง {vacant}) · หน่วยงาน {units} แห่ง · บุคคล {people} คน</source>
        <translation>{posts} posts ({vacant} vacant) · {units} units · {people} people</translation>
    </message>
    <message>
        <source>กำลังบันทึก…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>เลือกไฟล์หน่วยงานและบุคคล</source>
        <translation>Choose the units and people file</translation>
    </message>
    <message>
        <source>นำเข้าหน่วยงาน ตำแหน่ง บุคคล และวาระจากไฟล์</source>
        <translation>Import units, posts, people and terms from a file</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <source>เพิ่มผู้เข้าประชุม</source>
        <translation>Add attendees</translation>
    </message>
    <message>
        <source>พิมพ์ชื่อเพื่อกรอง…</source>
        <translation>Type a name to filter…</translation>
    </message>
    <message>
        <source>เพิ่ม</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>เลือกบุคคลที่จะเพิ่ม (มาประชุมเป็นค่าเริ่มต้น แก้ไขได้ในตาราง)</source>
        <translation>Tick the people to add (marked present; change it in the table)</translation>
    </message>
</context>
<context>
    <name>PersonCombo</name>
    <message>
        <source>พิมพ์ชื่อเพื่อค้นหา</source>
        <translation>Type a name to search</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>แก้ไขข้อมูลบุคคล</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <source>เพิ่มบุคคล</source>
        <translation>Add person</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>คำนำหน้า/ยศ</source>
        <translation>Title/rank</translation>
    </message>
    <message>
        <source>เลือก หรือพิมพ์ยศ/คำนำหน้าอื่น เช่น พลเรือตรี</source>
        <translation>Pick one, or type another rank or title, e.g. พลเรือตรี (Rear Admiral)</translation>
    </message>
    <message>
        <source>ชื่อ</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>นามสกุล</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>อีเมล</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>เช่น name@sbpac.go.th</source>
        <translation>e.g. name@sbpac.go.th</translation>
    </message>
    <message>
        <source>โทรศัพท์</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>เช่น 0 7320 3888</source>
        <translation>e.g. 0 7320 3888</translation>
    </message>
</context>
<context>
    <name>PersonsTab</name>
    <message>
        <source>เพิ่มบุคคล</source>
        <translation>Add person</translation>
    </message>
    <message>
        <source>เพิ่มบุคคลใหม่ (Ctrl+N)</source>
        <translation>Add a new person (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>แก้ไขข้อมูลบุคคลที่เลือก (F2)</source>
        <translation>Edit the selected person (F2)</translation>
    </message>
    <message>
        <source>ระงับการใช้งาน</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>ระงับหรือเปิดใช้ข้อมูลบุคคลที่เลือก</source>
        <translation>Deactivate or reactivate the selected person</translation>
    </message>
    <message>
        <source> (รักษาราชการแทน)</source>
        <translation> (acting)</translation>
    </message>
    <message>
        <source>เปิดใช้งาน</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>PlaceCombo</name>
    <message>
        <source>— ไม่ระบุพื้นที่ —</source>
        <translation>— no place —</translation>
    </message>
</context>
<context>
    <name>PlaceFilter</name>
    <message>
        <source>เฉพาะข้อสั่งการที่เกี่ยวกับพื้นที่ในจังหวัดนี้</source>
        <translation>Only directives tied to places in this province</translation>
    </message>
    <message>
        <source>เฉพาะข้อสั่งการที่เกี่ยวกับพื้นที่ในอำเภอนี้</source>
        <translation>Only directives tied to places in this district</translation>
    </message>
    <message>
        <source>ทุกจังหวัด</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>ทุกอำเภอ</source>
        <translation>All districts</translation>
    </message>
</context>
<context>
    <name>PlacePicker</name>
    <message>
        <source>พิมพ์ชื่อตำบล อำเภอ หรือจังหวัด แล้วกด Enter เพื่อเลือก</source>
        <translation>Type a subdistrict, district or province and press Enter to choose</translation>
    </message>
    <message>
        <source>เลือกแล้ว {count} แห่ง: {names}</source>
        <translation>{count} chosen: {names}</translation>
    </message>
    <message>
        <source>ยังไม่ได้เลือกพื้นที่</source>
        <translation>No place chosen</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>ปีงบประมาณ พ.ศ. </source>
        <translation>Fiscal year B.E. </translation>
    </message>
    <message>
        <source>ไตรมาส %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <source>บันทึกผลไตรมาส</source>
        <translation>Save the quarter</translation>
    </message>
    <message>
        <source>รายงาน PDF</source>
        <translation>PDF report</translation>
    </message>
    <message>
        <source>รายงาน Word</source>
        <translation>Word report</translation>
    </message>
    <message>
        <source>แผน / มิติ / โครงการ / ตัวชี้วัด</source>
        <translation>Plan / dimension / project / indicator</translation>
    </message>
    <message>
        <source>เจ้าของ</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>เป้าหมายสะสม</source>
        <translation>Cumulative target</translation>
    </message>
    <message>
        <source>ผลสะสม</source>
        <translation>Cumulative actual</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>เบิกจ่าย/แผน (บาท)</source>
        <translation>Disbursed/plan (baht)</translation>
    </message>
    <message>
        <source>หน่วย</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>ผลของไตรมาส</source>
        <translation>Quarter&apos;s actual</translation>
    </message>
    <message>
        <source>หมายเหตุ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>มิติการพัฒนา</source>
        <translation>Development dimension</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>สรุปตามมิติการพัฒนา</source>
        <translation>Summary by development dimension</translation>
    </message>
    <message>
        <source>สรุปตามหน่วยงานเจ้าของโครงการ</source>
        <translation>Summary by owning agency</translation>
    </message>
    <message>
        <source>โครงสร้างแผน</source>
        <translation>Plan structure</translation>
    </message>
    <message>
        <source>บันทึกผลรายไตรมาส</source>
        <translation>Quarterly entry</translation>
    </message>
    <message>
        <source>สรุปผลการติดตาม</source>
        <translation>Monitoring summary</translation>
    </message>
    <message>
        <source>แผนบูรณาการ</source>
        <translation>Integrated plan</translation>
    </message>
    <message>
        <source>โครงการ</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>ตัวชี้วัด</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>ตามแผน</source>
        <translation>On track</translation>
    </message>
    <message>
        <source>ต่ำกว่าแผน</source>
        <translation>Behind plan</translation>
    </message>
    <message>
        <source>ยังไม่รายงาน</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <source>เบิกจ่ายสะสม/แผน (บาท)</source>
        <translation>Cumulative disbursed/plan (baht)</translation>
    </message>
    <message>
        <source>ข้อสั่งการ (ตามสถานะ)</source>
        <translation>Directives (by status)</translation>
    </message>
    <message>
        <source>กำลังโหลดแผน…</source>
        <translation>Loading the plan…</translation>
    </message>
    <message>
        <source>ยังไม่มีแผนบูรณาการของปีงบประมาณนี้</source>
        <translation>No integrated plan for this fiscal year yet</translation>
    </message>
    <message>
        <source>%1 — โครงการ %2 ตัวชี้วัด %3: ตามแผน %4 ต่ำกว่าแผน %5 ยังไม่รายงาน %6 — เบิกจ่ายร้อยละ %7 ของแผน</source>
        <translation>%1 — %2 projects, %3 indicators: %4 on track, %5 behind, %6 not reported — %7 % of the plan disbursed</translation>
    </message>
    <message>
        <source>ด้าน</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>กำลังบันทึกผล…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>บันทึกผลไตรมาสแล้ว</source>
        <translation>Quarter saved</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>รายงานแผนบูรณาการ-{year}-ไตรมาส{quarter}</source>
        <translation>integrated-plan-report-{year}-Q{quarter}</translation>
    </message>
    <message>
        <source>บันทึกรายงาน</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>บันทึกรายงานแล้ว: </source>
        <translation>Report saved: </translation>
    </message>
    <message>
        <source>กำลังจัดทำรายงาน…</source>
        <translation>Making the report…</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>รายมิติ</source>
        <translation>By dimension</translation>
    </message>
    <message>
        <source>รายหน่วยงาน</source>
        <translation>By agency</translation>
    </message>
    <message>
        <source>ยังไม่มีแผนบูรณาการของปีงบประมาณ {y}</source>
        <translation>No integrated plan for fiscal year {y} yet</translation>
    </message>
    <message>
        <source>{title} — ไม่มีโครงการที่เกี่ยวกับพื้นที่{place}</source>
        <translation>{title} — no project in {place}</translation>
    </message>
    <message>
        <source>{title} — ผลสะสมถึงไตรมาส {q}/{y}</source>
        <translation>{title} — results to quarter {q}/{y}</translation>
    </message>
    <message>
        <source> เฉพาะโครงการในพื้นที่{place}</source>
        <translation>, projects in {place} only</translation>
    </message>
    <message>
        <source>; คลิกมิติเพื่อเปิดแผน</source>
        <translation>; click a dimension to open the plan</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <source>แก้ไขตำแหน่ง</source>
        <translation>Edit post</translation>
    </message>
    <message>
        <source>เพิ่มตำแหน่ง</source>
        <translation>Add post</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
</context>
<context>
    <name>PositionForm</name>
    <message>
        <source>ชื่อตำแหน่ง</source>
        <translation>Post title</translation>
    </message>
    <message>
        <source>เช่น ผู้ช่วยเลขาธิการ ศอ.บต.</source>
        <translation>e.g. ผู้ช่วยเลขาธิการ ศอ.บต. (Assistant Secretary-General)</translation>
    </message>
    <message>
        <source>ชื่อย่อตำแหน่ง</source>
        <translation>Post code</translation>
    </message>
    <message>
        <source>เช่น ผช.ลธ.(พณ.)</source>
        <translation>e.g. ผช.ลธ.(พณ.)</translation>
    </message>
    <message>
        <source>ใช้แยกตำแหน่งชื่อเดียวกันออกจากกัน ต้องไม่ซ้ำกับตำแหน่งอื่น</source>
        <translation>Tells posts with the same title apart; must differ from every other post</translation>
    </message>
    <message>
        <source>ประเภทตำแหน่ง</source>
        <translation>Post type</translation>
    </message>
    <message>
        <source>หน่วยงานต้นสังกัด</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>หน่วยงานของตำแหน่งนี้ หรือส่วนราชการที่ส่งมาช่วยราชการ</source>
        <translation>The unit of this post, or the agency that seconded it</translation>
    </message>
    <message>
        <source>ตำแหน่งผู้ช่วยเลขาธิการ ศอ.บต. ให้เลือกส่วนราชการที่ส่งมาช่วยราชการ เช่น กระทรวงพาณิชย์</source>
        <translation>For an Assistant Secretary-General of SBPAC, choose the seconding agency, e.g. กระทรวงพาณิชย์ (Ministry of Commerce)</translation>
    </message>
    <message>
        <source>color: #5f6368;</source>
        <translation>color: #5f6368;</translation>
    </message>
</context>
<context>
    <name>PositionsModel</name>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>หน่วยงานต้นสังกัด</source>
        <translation>Home unit</translation>
    </message>
    <message>
        <source>ผู้ดำรงตำแหน่งปัจจุบัน</source>
        <translation>Current holder</translation>
    </message>
    <message>
        <source>{title} (ระงับแล้ว)</source>
        <translation>{title} (inactive)</translation>
    </message>
</context>
<context>
    <name>PostsTab</name>
    <message>
        <source>วาระการดำรงตำแหน่ง</source>
        <translation>Terms in office</translation>
    </message>
    <message>
        <source>เพิ่มตำแหน่ง</source>
        <translation>Add post</translation>
    </message>
    <message>
        <source>เพิ่มตำแหน่งใหม่ (Ctrl+N)</source>
        <translation>Add a new post (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>แก้ไขตำแหน่งที่เลือก (F2)</source>
        <translation>Edit the selected post (F2)</translation>
    </message>
    <message>
        <source>กำหนดผู้ดำรงตำแหน่ง…</source>
        <translation>Appoint holder…</translation>
    </message>
    <message>
        <source>ผู้ดำรงตำแหน่งคนใหม่ หรือรักษาราชการแทน</source>
        <translation>A new holder, or an acting one</translation>
    </message>
    <message>
        <source>ระงับการใช้งาน</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>ระงับหรือเปิดใช้ตำแหน่งที่เลือก</source>
        <translation>Deactivate or reactivate the selected post</translation>
    </message>
    <message>
        <source>แก้ไข/สิ้นสุดวาระ…</source>
        <translation>Edit/end term…</translation>
    </message>
    <message>
        <source>แก้ไขวันที่ หรือบันทึกวันสิ้นสุดวาระที่เลือก</source>
        <translation>Correct the dates of the selected term, or record its end</translation>
    </message>
    <message>
        <source>วาระการดำรงตำแหน่ง: {post}</source>
        <translation>Terms in office: {post}</translation>
    </message>
    <message>
        <source>เปิดใช้งาน</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>PrefillButton</name>
    <message>
        <source>เติมรายชื่อ</source>
        <translation>Fill in names</translation>
    </message>
    <message>
        <source>เติมรายชื่อจากกรรมการประจำของชุดการประชุม หรือคัดลอกจากการประชุมครั้งก่อน</source>
        <translation>Fill in from the series&apos; standing members, or copy from the previous meeting</translation>
    </message>
    <message>
        <source>จากกรรมการประจำของชุดการประชุม</source>
        <translation>From the series&apos; standing members</translation>
    </message>
    <message>
        <source>คัดลอกจากการประชุมครั้งก่อน (รายชื่อและบทบาท)</source>
        <translation>Copy from the previous meeting (names and roles)</translation>
    </message>
    <message>
        <source>ชุดการประชุมนี้ยังไม่ได้กำหนดกรรมการประจำ (กำหนดได้ที่หน้า “ชุดการประชุม”)</source>
        <translation>This series has no standing members yet (set them on the “Meeting series” page)</translation>
    </message>
    <message>
        <source>คัดลอกจากครั้งที่ {number}: เพิ่ม {count} คน</source>
        <translation>Copied from no. {number}: {count} added</translation>
    </message>
    <message>
        <source>จากกรรมการประจำ: เพิ่ม {count} คน</source>
        <translation>From the standing members: {count} added</translation>
    </message>
    <message>
        <source>ตำแหน่งว่างในวันประชุม (ไม่มีในรายชื่อ): {posts}</source>
        <translation>Posts vacant on the meeting day (not listed): {posts}</translation>
    </message>
    <message>
        <source>มีชื่ออยู่แล้ว {count} คน</source>
        <translation>{count} already listed</translation>
    </message>
    <message>
        <source>ไม่ได้เพิ่ม: {people}</source>
        <translation>Not added: {people}</translation>
    </message>
</context>
<context>
    <name>ProcessOperation</name>
    <message>
        <source>กำลังทำงาน…</source>
        <translation>Working…</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>รายงานความก้าวหน้า {number}</source>
        <translation>Progress report {number}</translation>
    </message>
    <message>
        <source>เช่น ไตรมาสที่ ๑ (๑ ต.ค. ๖๒ – ๓๑ ธ.ค. ๖๒) — ไม่บังคับ</source>
        <translation>e.g. Q1 (1 Oct 62 – 31 Dec 62) — optional</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>ผลการดำเนินการ</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>ปัญหา/อุปสรรค (ถ้ามี)</source>
        <translation>Problems (if any)</translation>
    </message>
    <message>
        <source>ข้อเสนอแนะ / ความต้องการสนับสนุน (ถ้ามี)</source>
        <translation>Suggestions / support needed (if any)</translation>
    </message>
    <message>
        <source>การดำเนินการต่อไป (ถ้ามี)</source>
        <translation>Next steps (if any)</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>วันที่รายงาน (พ.ศ.)</source>
        <translation>Report date (BE)</translation>
    </message>
    <message>
        <source>ร้อยละความก้าวหน้า</source>
        <translation>Percent complete</translation>
    </message>
    <message>
        <source>ห้วงการรายงาน</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>ผู้รายงาน</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>ปัญหา/อุปสรรค</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>ข้อเสนอแนะ</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>การดำเนินการต่อไป</source>
        <translation>Next steps</translation>
    </message>
    <message>
        <source>ไฟล์แนบ</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>กรุณากรอกผลการดำเนินการ</source>
        <translation>Please enter the result</translation>
    </message>
    <message>
        <source>ไม่พบชื่อนี้ในรายชื่อบุคคล — โปรดเลือกจากรายการ</source>
        <translation>This name is not in the list of people — please pick from the list</translation>
    </message>
</context>
<context>
    <name>ProposalTable</name>
    <message>
        <source>เรื่องที่จะเสนอ (แก้ไขได้)</source>
        <translation>Item to propose (editable)</translation>
    </message>
    <message>
        <source>จากการลงพื้นที่</source>
        <translation>From field visits</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>แจ้งเตือน</source>
        <translation>Reminders</translation>
    </message>
    <message>
        <source>ข้อสั่งการที่ใกล้ครบกำหนดหรือเกินกำหนด (Ctrl+Shift+R)</source>
        <translation>Directives due soon or overdue (Ctrl+Shift+R)</translation>
    </message>
</context>
<context>
    <name>RemindersPanel</name>
    <message>
        <source>ข้อสั่งการที่ต้องติดตาม</source>
        <translation>Directives to follow up</translation>
    </message>
    <message>
        <source>ข้อสั่งการ</source>
        <translation>Directive</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead assignee</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ดับเบิลคลิกเพื่อเปิดข้อสั่งการในหน้าติดตาม</source>
        <translation>Double-click to open the directive in the tracker</translation>
    </message>
    <message>
        <source>{scope}: {summary} (ข้อมูล ณ {date})</source>
        <translation>{scope}: {summary} (as of {date})</translation>
    </message>
    <message>
        <source>เกินกำหนด</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>ใกล้ครบกำหนด</source>
        <translation>Due soon</translation>
    </message>
</context>
<context>
    <name>ReportsModel</name>
    <message>
        <source>วันที่รายงาน</source>
        <translation>Report date</translation>
    </message>
    <message>
        <source>ข้อสั่งการ / พื้นที่</source>
        <translation>Directive / place</translation>
    </message>
    <message>
        <source>ผลที่เห็น</source>
        <translation>Result seen</translation>
    </message>
    <message>
        <source>รายละเอียด</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <source>เปลี่ยนบทบาท</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
</context>
<context>
    <name>SearchResultsDialog</name>
    <message>
        <source>ผลการค้นหา</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>เลขที่</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>เรื่อง</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>ข้อความที่พบ</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>ดับเบิลคลิกหรือกด Enter ที่รายการเพื่อเปิด</source>
        <translation>Double-click a result or press Enter to open it</translation>
    </message>
    <message>
        <source>ค้นหาไม่สำเร็จ: {message}</source>
        <translation>Search failed: {message}</translation>
    </message>
    <message>
        <source>ผลการค้นหา “{query}” — {count} รายการที่ตรงที่สุดจากรายการล่าสุด (ยังมีอีก ระบุคำให้ชัดขึ้น)</source>
        <translation>Search results for “{query}” — the {count} best matches among the newest records (there are more: be more specific)</translation>
    </message>
    <message>
        <source>ผลการค้นหา “{query}” — พบ {count} รายการ (เรียงตามความตรง)</source>
        <translation>Results for “{query}” — {count} found (best match first)</translation>
    </message>
    <message>
        <source>ไม่พบข้อมูลที่ตรงกับ “{query}”</source>
        <translation>Nothing matches “{query}”</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>แก้ไขชุดการประชุม</source>
        <translation>Edit meeting series</translation>
    </message>
    <message>
        <source>เพิ่มชุดการประชุม</source>
        <translation>Add meeting series</translation>
    </message>
    <message>
        <source>เช่น การประชุมผู้บริหาร ศอ.บต.</source>
        <translation>e.g. SBPAC executives&apos; meeting</translation>
    </message>
    <message>
        <source>เช่น ประชุม ศอ.บต. (ไม่บังคับ)</source>
        <translation>e.g. SBPAC meeting (optional)</translation>
    </message>
    <message>
        <source>เช่น ห้องประชุมเจริญจิตต์ ชั้น ๓ ศอ.บต.</source>
        <translation>e.g. Charoenjit meeting room, 3rd floor, SBPAC</translation>
    </message>
    <message>
        <source>ชื่อชุดการประชุม</source>
        <translation>Series name</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>ตำแหน่งประธาน</source>
        <translation>Chair&apos;s post</translation>
    </message>
    <message>
        <source>ตำแหน่งเลขานุการ</source>
        <translation>Secretary&apos;s post</translation>
    </message>
    <message>
        <source>สถานที่ประชุมประจำ</source>
        <translation>Usual venue</translation>
    </message>
    <message>
        <source>รูปแบบระเบียบวาระ</source>
        <translation>Agenda template</translation>
    </message>
    <message>
        <source>กรรมการประจำ: ตำแหน่ง (ผู้ดำรงตำแหน่งในวันประชุมจะถูกเติมในรายชื่อผู้เข้าประชุม) และบทบาท</source>
        <translation>Standing members: posts (the holder on the meeting day goes on the attendance list) and their roles</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>กรุณากรอกชื่อชุดการประชุม</source>
        <translation>Enter the series name</translation>
    </message>
    <message>
        <source>ไม่พบตำแหน่งนี้ — โปรดเลือกจากรายการ</source>
        <translation>No such post — choose one from the list</translation>
    </message>
</context>
<context>
    <name>SeriesMembersEditor</name>
    <message>
        <source>พิมพ์เพื่อค้นหาตำแหน่ง</source>
        <translation>Type to find a post</translation>
    </message>
    <message>
        <source>เพิ่มตำแหน่ง</source>
        <translation>Add post</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>บทบาทในที่ประชุม</source>
        <translation>Role in meeting</translation>
    </message>
    <message>
        <source>ผู้ดำรงตำแหน่งวันนี้</source>
        <translation>Holder today</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>เลื่อนขึ้น</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>เลื่อนลง</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>ตำแหน่งรหัส {id}</source>
        <translation>Post no. {id}</translation>
    </message>
    <message>
        <source>ว่าง</source>
        <translation>Vacant</translation>
    </message>
</context>
<context>
    <name>SeriesModel</name>
    <message>
        <source>ชุดการประชุม</source>
        <translation>Meeting series</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>ตำแหน่งประธาน</source>
        <translation>Chair&apos;s post</translation>
    </message>
    <message>
        <source>สถานที่ประชุมประจำ</source>
        <translation>Usual venue</translation>
    </message>
    <message>
        <source>ระเบียบวาระ</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>กรรมการประจำ</source>
        <translation>Standing members</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>{count} ตำแหน่ง</source>
        <translation>{count} posts</translation>
    </message>
    <message>
        <source>ใช้งาน</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ระงับแล้ว</source>
        <translation>Deactivated</translation>
    </message>
</context>
<context>
    <name>SeriesPage</name>
    <message>
        <source>ชุดการประชุม</source>
        <translation>Meeting series</translation>
    </message>
    <message>
        <source>เพิ่มชุดการประชุม</source>
        <translation>Add meeting series</translation>
    </message>
    <message>
        <source>ชุดการประชุมใหม่ (Ctrl+N)</source>
        <translation>New meeting series (Ctrl+N)</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>แก้ไขชุดการประชุมที่เลือก (F2)</source>
        <translation>Edit the selected series (F2)</translation>
    </message>
    <message>
        <source>ระงับการใช้งาน</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>ชุดที่ระงับแล้วจะไม่ให้เลือกเมื่อสร้างการประชุมใหม่ การประชุมเดิมยังอยู่</source>
        <translation>A deactivated series is not offered for new meetings; its meetings stay</translation>
    </message>
    <message>
        <source>แสดงชุดที่ระงับแล้ว</source>
        <translation>Show deactivated series</translation>
    </message>
    <message>
        <source>ยังไม่มีชุดการประชุม — กด “เพิ่มชุดการประชุม” เพื่อเริ่ม (ต้องมีก่อนสร้างการประชุมครั้งแรก)</source>
        <translation>No meeting series yet — press “Add meeting series” to start (needed before the first meeting)</translation>
    </message>
    <message>
        <source>ใช้งาน {active} ชุด · ระงับแล้ว {inactive} ชุด</source>
        <translation>{active} active · {inactive} deactivated</translation>
    </message>
    <message>
        <source>กรรมการประจำ</source>
        <translation>Standing members</translation>
    </message>
    <message>
        <source>เปิดใช้งาน</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <source>กรรมการประจำของ “{name}”: {count} ตำแหน่ง (ว่าง {vacant})</source>
        <translation>Standing members of “{name}”: {count} posts ({vacant} vacant)</translation>
    </message>
    <message>
        <source>กำลังบันทึก…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SeriesPrefill</name>
    <message>
        <source>เติมจากกรรมการประจำของชุดการประชุม</source>
        <translation>Fill in from the series&apos; standing members</translation>
    </message>
    <message>
        <source>คัดลอกรายชื่อจากการประชุมครั้งก่อน</source>
        <translation>Copy the list from the previous meeting</translation>
    </message>
    <message>
        <source>ไม่เติม — เพิ่มรายชื่อเองภายหลัง</source>
        <translation>Do not fill in — add names later</translation>
    </message>
    <message>
        <source>รูปแบบระเบียบวาระ</source>
        <translation>Agenda template</translation>
    </message>
    <message>
        <source>รายชื่อผู้เข้าประชุม</source>
        <translation>Attendance list</translation>
    </message>
    <message>
        <source>ชุดนี้ยังไม่มีการประชุมครั้งก่อน — จะไม่มีรายชื่อให้คัดลอก</source>
        <translation>This series has no previous meeting — there is no list to copy</translation>
    </message>
    <message>
        <source>คัดลอกรายชื่อและบทบาทจากครั้งที่ {number} (ไม่คัดลอกการมา/ไม่มา)</source>
        <translation>Copy names and roles from no. {number} (not present/absent)</translation>
    </message>
    <message>
        <source>ชุดนี้ยังไม่ได้กำหนดกรรมการประจำ (แก้ไขได้ที่หน้า “ชุดการประชุม”)</source>
        <translation>This series has no standing members yet (edit them on the “Meeting series” page)</translation>
    </message>
    <message>
        <source>จะเติม {count} ตำแหน่งตามผู้ดำรงตำแหน่งในวันประชุม</source>
        <translation>{count} posts will be filled with their holders on the meeting day</translation>
    </message>
    <message>
        <source> — ตำแหน่งว่างในวันนั้น (จะไม่มีในรายชื่อ): {posts}</source>
        <translation> — posts vacant that day (not listed): {posts}</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>เปิดไฟล์ฐานข้อมูล</source>
        <translation>Open database file</translation>
    </message>
    <message>
        <source>ฐานข้อมูล SQLite (*.db *.sqlite *.sqlite3);;ทุกไฟล์ (*)</source>
        <translation>SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)</translation>
    </message>
    <message>
        <source>ข้อมูลส่วนราชการและตราสัญลักษณ์…</source>
        <translation>Office details and emblem…</translation>
    </message>
    <message>
        <source>ชื่อ ที่อยู่ โทรศัพท์ รหัสหนังสือ และตราสัญลักษณ์ ที่พิมพ์บนหนังสือราชการ</source>
        <translation>Name, address, telephone, letter code and emblem printed on official letters</translation>
    </message>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>กำลังโหลดการตั้งค่า…</source>
        <translation>Loading settings…</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>บันทึกการตั้งค่าแล้ว</source>
        <translation>Settings saved</translation>
    </message>
    <message>
        <source>เซิร์ฟเวอร์ PostgreSQL</source>
        <translation>PostgreSQL server</translation>
    </message>
    <message>
        <source>ไฟล์ SQLite</source>
        <translation>SQLite file</translation>
    </message>
    <message>
        <source>กำลังทดสอบการเชื่อมต่อ…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <source>กรุณาระบุไฟล์ฐานข้อมูลหรือที่อยู่เซิร์ฟเวอร์</source>
        <translation>Please give a database file or server address</translation>
    </message>
    <message>
        <source>กำลังใช้ฐานข้อมูลนี้อยู่แล้ว</source>
        <translation>This database is already in use</translation>
    </message>
    <message>
        <source>กำลังเปิดฐานข้อมูล…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>ไม่ได้ลงชื่อเข้าใช้ — ยังใช้ฐานข้อมูลเดิม</source>
        <translation>Not signed in — still using the current database</translation>
    </message>
    <message>
        <source>เปิดฐานข้อมูลแล้ว</source>
        <translation>Database opened</translation>
    </message>
    <message>
        <source>ตั้งค่า</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>การแสดงผล (เฉพาะเครื่องนี้)</source>
        <translation>Display (this computer)</translation>
    </message>
    <message>
        <source>ภาษาของโปรแกรม</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>เปลี่ยนแล้วมีผลทันที</source>
        <translation>Takes effect at once</translation>
    </message>
    <message>
        <source>เอกสารและการประชุม (ใช้ร่วมกันทั้งหน่วยงาน)</source>
        <translation>Documents and meetings (whole office)</translation>
    </message>
    <message>
        <source>ตัวเลขในเอกสารที่พิมพ์</source>
        <translation>Digits in printed documents</translation>
    </message>
    <message>
        <source>เลขไทย (๑ ๒ ๓)</source>
        <translation>Thai (๑ ๒ ๓)</translation>
    </message>
    <message>
        <source>เลขอารบิก (1 2 3)</source>
        <translation>Arabic (1 2 3)</translation>
    </message>
    <message>
        <source>ชุดการประชุมเริ่มต้น</source>
        <translation>Default meeting series</translation>
    </message>
    <message>
        <source>บันทึกการตั้งค่า</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>บันทึกตัวเลขในเอกสารและชุดการประชุมเริ่มต้น (Ctrl+S)</source>
        <translation>Save the document digits and the default meeting series (Ctrl+S)</translation>
    </message>
    <message>
        <source>ฐานข้อมูล (เฉพาะเครื่องนี้)</source>
        <translation>Database (this computer)</translation>
    </message>
    <message>
        <source>ฐานข้อมูลที่ใช้อยู่</source>
        <translation>Database in use</translation>
    </message>
    <message>
        <source>เปิดไฟล์ฐานข้อมูลอื่น…</source>
        <translation>Open another database file…</translation>
    </message>
    <message>
        <source>เลือกไฟล์ฐานข้อมูล SQLite (.db) ที่มีอยู่แล้วแล้วเปิดใช้แทน</source>
        <translation>Choose an existing SQLite database file (.db) and switch to it</translation>
    </message>
    <message>
        <source>postgresql+psycopg://ผู้ใช้:รหัสผ่าน@เครื่องแม่ข่าย/sbpac</source>
        <translation>postgresql+psycopg://user:password@server/sbpac</translation>
    </message>
    <message>
        <source>ทดสอบการเชื่อมต่อ</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>ลองเชื่อมต่อโดยไม่เปลี่ยนฐานข้อมูลที่ใช้อยู่</source>
        <translation>Try the connection without leaving the current database</translation>
    </message>
    <message>
        <source>เชื่อมต่อและใช้ฐานข้อมูลนี้</source>
        <translation>Connect and use this database</translation>
    </message>
    <message>
        <source>ไฟล์บันทึกการทำงาน (log)</source>
        <translation>Log file</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>แป้นพิมพ์ลัด</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>แป้น</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>ทำอะไร</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>แป้นพิมพ์ลัดของหน้าต่างหลัก และของหน้าต่างแก้ไขข้อมูลและหน้าต่างการประชุม</source>
        <translation>Keyboard shortcuts of the main window, the edit dialogs and the meeting window</translation>
    </message>
    <message>
        <source>ส่งออกข้อสั่งการ (หน้าข้อสั่งการ)</source>
        <translation>Export directives (Directives page)</translation>
    </message>
    <message>
        <source>บันทึก (หน้าต่างแก้ไขข้อมูล)</source>
        <translation>Save (edit dialogs)</translation>
    </message>
    <message>
        <source>พิมพ์รายงานการประชุม (หน้าต่างการประชุม)</source>
        <translation>Print the minutes (meeting window)</translation>
    </message>
    <message>
        <source>ปิดหน้าต่างการประชุม</source>
        <translation>Close the meeting window</translation>
    </message>
    <message>
        <source>เลื่อนเรื่องขึ้น (ระเบียบวาระ)</source>
        <translation>Move item up (agenda)</translation>
    </message>
    <message>
        <source>เลื่อนเรื่องลง (ระเบียบวาระ)</source>
        <translation>Move item down (agenda)</translation>
    </message>
    <message>
        <source>ปิดหน้าต่างโดยไม่บันทึก</source>
        <translation>Close the dialog without saving</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>ลงนามดิจิทัล</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <source>ลงนาม</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>ลงนามและบันทึกไฟล์ (Ctrl+S)</source>
        <translation>Sign and save the file (Ctrl+S)</translation>
    </message>
    <message>
        <source>ไฟล์ใบรับรอง .p12 หรือ .pfx</source>
        <translation>Certificate file .p12 or .pfx</translation>
    </message>
    <message>
        <source>แปลงเป็น PDF/A-2u สำหรับเก็บถาวรก่อนลงนาม</source>
        <translation>Convert to PDF/A-2u for archiving before signing</translation>
    </message>
    <message>
        <source>ระบบไม่เก็บรหัสผ่านของใบรับรอง ไฟล์ที่ลงนามแล้วตรวจได้ด้วยคำสั่ง sbpac-desktop verify</source>
        <translation>The certificate passphrase is never stored. Check a signed file with sbpac-desktop verify</translation>
    </message>
    <message>
        <source>ใบรับรอง</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>รหัสผ่านของใบรับรอง</source>
        <translation>Certificate passphrase</translation>
    </message>
    <message>
        <source>บันทึกไฟล์ที่ลงนามเป็น</source>
        <translation>Save the signed file as</translation>
    </message>
    <message>
        <source>เลือก…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>เลือกใบรับรอง</source>
        <translation>Choose a certificate</translation>
    </message>
    <message>
        <source>ใบรับรอง PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 certificates (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>บันทึกไฟล์ที่ลงนาม</source>
        <translation>Save the signed file</translation>
    </message>
    <message>
        <source>ไฟล์ PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>กรุณาเลือกไฟล์ใบรับรอง (.p12 หรือ .pfx)</source>
        <translation>Please choose a certificate file (.p12 or .pfx)</translation>
    </message>
    <message>
        <source>ไม่พบไฟล์ใบรับรองนี้</source>
        <translation>This certificate file was not found</translation>
    </message>
    <message>
        <source>กรุณาระบุไฟล์ที่จะบันทึก</source>
        <translation>Please give the file to save</translation>
    </message>
    <message>
        <source>ไฟล์ที่ลงนามต้องลงท้ายด้วย .pdf</source>
        <translation>The signed file must end in .pdf</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>ลงชื่อเข้าใช้ — ระบบการประชุมและติดตามข้อสั่งการ ศอ.บต.</source>
        <translation>Sign in — SBPAC meetings and directive follow-up</translation>
    </message>
    <message>
        <source>ลงชื่อเข้าใช้</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>ใส่ชื่อผู้ใช้และรหัสผ่านที่ผู้ดูแลระบบให้ไว้</source>
        <translation>Enter the user name and password your administrator gave you</translation>
    </message>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>แก้ไขคำกล่าว</source>
        <translation>Edit statement</translation>
    </message>
    <message>
        <source>เพิ่มคำกล่าว</source>
        <translation>Add statement</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>เลือกจากรายชื่อ หรือพิมพ์ชื่อผู้กล่าวเอง เช่น ผู้แทนกรมบัญชีกลาง</source>
        <translation>Pick from the list, or type the speaker, e.g. representative of the Comptroller General&apos;s Department</translation>
    </message>
    <message>
        <source>— ไม่ระบุตำแหน่ง —</source>
        <translation>— No position —</translation>
    </message>
    <message>
        <source>ข้อความที่กล่าว เหตุการณ์อื่นให้เขียนในวงเล็บ เช่น (ที่ประชุมปรบมือ)</source>
        <translation>What was said; write other events in brackets, e.g. (applause)</translation>
    </message>
    <message>
        <source>รายงานการประชุมแบบจดละเอียดพิมพ์เป็น &quot;ผู้กล่าว (ตำแหน่ง) กล่าวว่า …&quot;</source>
        <translation>Verbatim minutes print this as &quot;Speaker (position) said …&quot;</translation>
    </message>
    <message>
        <source>ผู้กล่าว</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>ข้อความ</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>กรุณาระบุผู้กล่าว (บุคคล ตำแหน่ง หรือชื่อ)</source>
        <translation>Please give the speaker (a person, a position or a name)</translation>
    </message>
    <message>
        <source>กรุณากรอกข้อความที่กล่าว</source>
        <translation>Please enter what was said</translation>
    </message>
    <message>
        <source>ข้อความที่กล่าวยาวเกิน {n} ตัวอักษร</source>
        <translation>The statement is longer than {n} characters</translation>
    </message>
</context>
<context>
    <name>SpeakersPanel</name>
    <message>
        <source>เพิ่มคำกล่าว…</source>
        <translation>Add statement…</translation>
    </message>
    <message>
        <source>แก้ไข…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>ขึ้น</source>
        <translation>Up</translation>
    </message>
    <message>
        <source>ลง</source>
        <translation>Down</translation>
    </message>
    <message>
        <source>ลบ</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>{speaker}: {text}</source>
        <translation>{speaker}: {text}</translation>
    </message>
    <message>
        <source>ลบคำกล่าว</source>
        <translation>Delete statement</translation>
    </message>
    <message>
        <source>ลบคำกล่าวของ {who} ?</source>
        <translation>Delete the statement by {who}?</translation>
    </message>
</context>
<context>
    <name>SpreadsheetImport</name>
    <message>
        <source>ตารางคำนวณ (*.xlsx *.csv)</source>
        <translation>Spreadsheet (*.xlsx *.csv)</translation>
    </message>
</context>
<context>
    <name>TablePage</name>
    <message>
        <source>กำลังโหลด…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>โหลดข้อมูลไม่สำเร็จ: {message}</source>
        <translation>Could not load the data: {message}</translation>
    </message>
    <message>
        <source>ยังไม่มีข้อมูล</source>
        <translation>No records yet</translation>
    </message>
    <message>
        <source>ทั้งหมด {count} รายการ</source>
        <translation>{count} records</translation>
    </message>
</context>
<context>
    <name>TermDialog</name>
    <message>
        <source>แก้ไขวาระการดำรงตำแหน่ง</source>
        <translation>Edit term in office</translation>
    </message>
    <message>
        <source>กำหนดผู้ดำรงตำแหน่ง</source>
        <translation>Appoint holder</translation>
    </message>
    <message>
        <source>ผู้ดำรงตำแหน่งปัจจุบัน: {name}</source>
        <translation>Current holder: {name}</translation>
    </message>
    <message>
        <source>ตำแหน่งนี้ยังว่างอยู่</source>
        <translation>This post is vacant</translation>
    </message>
    <message>
        <source>กรุณาเลือกตำแหน่ง</source>
        <translation>Please choose a post</translation>
    </message>
    <message>
        <source>กรุณาเลือกบุคคลจากรายชื่อ</source>
        <translation>Please choose a person from the list</translation>
    </message>
</context>
<context>
    <name>TermForm</name>
    <message>
        <source>ตำแหน่ง</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>ผู้ดำรงตำแหน่ง</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>เริ่มดำรงตำแหน่ง (พ.ศ.)</source>
        <translation>Start (BE)</translation>
    </message>
    <message>
        <source>สิ้นสุด (พ.ศ.)</source>
        <translation>End (BE)</translation>
    </message>
    <message>
        <source>เว้นว่างไว้ถ้ายังดำรงตำแหน่งอยู่</source>
        <translation>Leave empty while the term continues</translation>
    </message>
    <message>
        <source>รักษาราชการแทน (ซ้อนกับวาระของผู้ดำรงตำแหน่งได้)</source>
        <translation>Acting (may overlap the holder&apos;s term)</translation>
    </message>
    <message>
        <source>สิ้นสุดวาระของผู้ดำรงตำแหน่งเดิมในวันก่อนวันเริ่ม</source>
        <translation>End the previous holder&apos;s term the day before</translation>
    </message>
</context>
<context>
    <name>TermsModel</name>
    <message>
        <source>ผู้ดำรงตำแหน่ง</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>ตั้งแต่</source>
        <translation>From</translation>
    </message>
    <message>
        <source>ถึง</source>
        <translation>To</translation>
    </message>
    <message>
        <source>ลักษณะ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>ปัจจุบัน</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>รักษาราชการแทน</source>
        <translation>Acting</translation>
    </message>
    <message>
        <source>ดำรงตำแหน่ง</source>
        <translation>Holder</translation>
    </message>
    <message>
        <source>{kind} (ปัจจุบัน)</source>
        <translation>{kind} (current)</translation>
    </message>
</context>
<context>
    <name>ToProgressDialog</name>
    <message>
        <source>นำข้อค้นพบไปเป็นรายงานผลการดำเนินการ</source>
        <translation>Turn the finding into a progress report</translation>
    </message>
    <message>
        <source>ข้อค้นพบ</source>
        <translation>Finding</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบ</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <source>ร้อยละความก้าวหน้า</source>
        <translation>Percent complete</translation>
    </message>
    <message>
        <source>ข้อค้นพบนี้ไม่ได้ผูกกับข้อสั่งการที่มีผู้รับผิดชอบ</source>
        <translation>This finding is not tied to a directive with an assignee</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <source>ข้อสั่งการที่ต้องติดตาม</source>
        <translation>Directives to follow up</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>หน่วยงาน</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>ชื่อย่อ</source>
        <translation>Short name</translation>
    </message>
    <message>
        <source>ประเภท</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>เพิ่มหน่วยงาน</source>
        <translation>Add unit</translation>
    </message>
    <message>
        <source>หน่วยงานระดับบนสุด (Ctrl+N)</source>
        <translation>A top-level unit (Ctrl+N)</translation>
    </message>
    <message>
        <source>เพิ่มหน่วยงานย่อย</source>
        <translation>Add sub-unit</translation>
    </message>
    <message>
        <source>หน่วยงานภายใต้หน่วยงานที่เลือก</source>
        <translation>A unit under the selected unit</translation>
    </message>
    <message>
        <source>แก้ไข</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>แก้ไขหน่วยงานที่เลือก (F2)</source>
        <translation>Edit the selected unit (F2)</translation>
    </message>
    <message>
        <source>ระงับการใช้งาน</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>ระงับหรือเปิดใช้หน่วยงานที่เลือก</source>
        <translation>Deactivate or reactivate the selected unit</translation>
    </message>
    <message>
        <source>{name} (ระงับแล้ว)</source>
        <translation>{name} (inactive)</translation>
    </message>
    <message>
        <source>เปิดใช้งาน</source>
        <translation>Reactivate</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>เพิ่มบัญชีผู้ใช้</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>— ไม่ผูกกับบุคคล —</source>
        <translation>— not linked to a person —</translation>
    </message>
    <message>
        <source>รหัสผ่านสองช่องไม่ตรงกัน — โปรดพิมพ์ให้เหมือนกัน</source>
        <translation>The two passwords differ — please type the same one twice</translation>
    </message>
    <message>
        <source>ไม่พบบุคคลชื่อนี้ — โปรดเลือกจากรายการ</source>
        <translation>No person by this name — please pick one from the list</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>ชื่อผู้ใช้ (ใช้ลงชื่อเข้าใช้)</source>
        <translation>Login (used to sign in)</translation>
    </message>
    <message>
        <source>อักษรอังกฤษตัวเล็ก ตัวเลข . _ - เช่น somchai.k</source>
        <translation>Lowercase letters, digits, . _ - e.g. somchai.k</translation>
    </message>
    <message>
        <source>ชื่อที่แสดง</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>เช่น นายสมชาย ใจดี</source>
        <translation>e.g. Mr Somchai Jaidee</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบ: บัญชีผู้ใช้และการตั้งค่า · ฝ่ายเลขานุการ: การประชุมและข้อสั่งการ · เจ้าหน้าที่ติดตาม: รายงานผลของตำแหน่งที่ตนดำรง · ผู้อ่านอย่างเดียว: ดูข้อมูลได้อย่างเดียว</source>
        <translation>Administrator: accounts and settings · Secretariat: meetings and directives · Follow-up officer: progress reports for the posts they hold · Read only: can only view</translation>
    </message>
    <message>
        <source>บุคคลที่ผูกกับบัญชี</source>
        <translation>Linked person</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่ติดตามต้องผูกกับบุคคล จึงจะรายงานผลของตำแหน่งที่บุคคลนั้นดำรงอยู่ได้</source>
        <translation>A follow-up officer must be linked to a person to report on the posts that person holds</translation>
    </message>
    <message>
        <source>รหัสผ่าน</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>อย่างน้อย 8 ตัวอักษร</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>รหัสผ่านอีกครั้ง</source>
        <translation>Password again</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>ชื่อผู้ใช้</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>ชื่อที่แสดง</source>
        <translation>Display name</translation>
    </message>
    <message>
        <source>บทบาท</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>บุคคลที่ผูกกับบัญชี</source>
        <translation>Linked person</translation>
    </message>
    <message>
        <source>สถานะ</source>
        <translation>State</translation>
    </message>
    <message>
        <source>ลงชื่อผิดติดกัน (ครั้ง)</source>
        <translation>Failed sign-ins in a row</translation>
    </message>
    <message>
        <source>ปิดใช้งาน</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <source>ถูกล็อก</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>ใช้งานได้</source>
        <translation>Active</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>บัญชีผู้ใช้</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>เพิ่มบัญชี</source>
        <translation>Add account</translation>
    </message>
    <message>
        <source>เพิ่มบัญชีผู้ใช้ใหม่ (Ctrl+N)</source>
        <translation>Add a new account (Ctrl+N)</translation>
    </message>
    <message>
        <source>เปลี่ยนบทบาท…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <source>ตั้งรหัสผ่านใหม่ ซึ่งปลดล็อกและเปิดใช้บัญชีอีกครั้งด้วย</source>
        <translation>Set a new password; this also unlocks and reactivates the account</translation>
    </message>
    <message>
        <source>ปลดล็อก</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>ปิดใช้งาน…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <source>บัญชีจะลงชื่อเข้าใช้ไม่ได้อีก แต่ชื่อยังอยู่ในประวัติการแก้ไข</source>
        <translation>The account can no longer sign in; its name stays in the change history</translation>
    </message>
    <message>
        <source>ทั้งหมด {count} บัญชี · ถูกล็อก {locked} · ปิดใช้งาน {off}</source>
        <translation>{count} accounts · {locked} locked · {off} deactivated</translation>
    </message>
    <message>
        <source>ปิดใช้งานบัญชี {login} ({name})? บัญชีนี้จะลงชื่อเข้าใช้ไม่ได้ จนกว่าจะตั้งรหัสผ่านใหม่</source>
        <translation>Deactivate account {login} ({name})? It cannot sign in until a new password is set</translation>
    </message>
    <message>
        <source>ปิดใช้งานบัญชี</source>
        <translation>Deactivate account</translation>
    </message>
    <message>
        <source>ทำรายการไม่ได้: {message}</source>
        <translation>Not done: {message}</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>แก้ไขแผนการลงพื้นที่</source>
        <translation>Edit visit plan</translation>
    </message>
    <message>
        <source>วางแผนการลงพื้นที่</source>
        <translation>Plan a field visit</translation>
    </message>
    <message>
        <source>เช่น ติดตามโครงการส่งเสริมอาชีพ ต.สะบารัง</source>
        <translation>e.g. follow up the vocational project, Tambon Sabarang</translation>
    </message>
    <message>
        <source>— ไม่ระบุ —</source>
        <translation>— None —</translation>
    </message>
    <message>
        <source>กรองตำแหน่ง/หน่วยงาน…</source>
        <translation>Filter posts/units…</translation>
    </message>
    <message>
        <source>กรองเลขที่หรือข้อความข้อสั่งการ…</source>
        <translation>Filter directive number or text…</translation>
    </message>
    <message>
        <source>ชื่อเรื่อง</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>วันลงพื้นที่</source>
        <translation>Visit date</translation>
    </message>
    <message>
        <source>ถึงวันที่ (ถ้าหลายวัน)</source>
        <translation>Until (if several days)</translation>
    </message>
    <message>
        <source>วัตถุประสงค์</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>หัวหน้าคณะ</source>
        <translation>Head of the team</translation>
    </message>
    <message>
        <source>พื้นที่ที่ลงพื้นที่</source>
        <translation>Places visited</translation>
    </message>
    <message>
        <source>ส่วนราชการที่ร่วมลงพื้นที่ (ตำแหน่ง)</source>
        <translation>Agencies joining (posts)</translation>
    </message>
    <message>
        <source>ข้อสั่งการที่เกี่ยวข้อง</source>
        <translation>Related directives</translation>
    </message>
</context>
<context>
    <name>_AccountDialog</name>
    <message>
        <source>ฐานข้อมูล: {database}</source>
        <translation>Database: {database}</translation>
    </message>
    <message>
        <source>ออกจากโปรแกรม</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>attachments</name>
    <message>
        <source>บันทึกแล้ว แต่แนบไฟล์ต่อไปนี้ไม่สำเร็จ:</source>
        <translation>Saved, but these files could not be attached:</translation>
    </message>
</context>
<context>
    <name>domain</name>
    <message>
        <source>กระทรวง</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>กรม</source>
        <translation>Department</translation>
    </message>
    <message>
        <source>หน่วยงาน</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>สำนัก/กอง</source>
        <translation>Bureau/division</translation>
    </message>
    <message>
        <source>อื่น ๆ</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>เลขาธิการ</source>
        <translation>Secretary-General</translation>
    </message>
    <message>
        <source>รองเลขาธิการ</source>
        <translation>Deputy Secretary-General</translation>
    </message>
    <message>
        <source>ผู้ช่วยเลขาธิการ</source>
        <translation>Assistant Secretary-General</translation>
    </message>
    <message>
        <source>ผู้อำนวยการ</source>
        <translation>Director</translation>
    </message>
    <message>
        <source>เจ้าหน้าที่ติดตาม</source>
        <translation>Follow-up officer</translation>
    </message>
    <message>
        <source>จดละเอียดทุกคำพูด</source>
        <translation>Verbatim</translation>
    </message>
    <message>
        <source>จดย่อประเด็นพร้อมมติ</source>
        <translation>Summary with resolutions</translation>
    </message>
    <message>
        <source>จดเฉพาะเหตุผลและมติ</source>
        <translation>Reasons and resolutions only</translation>
    </message>
    <message>
        <source>ร่าง</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>แจ้งระเบียบวาระแล้ว</source>
        <translation>Agenda sent</translation>
    </message>
    <message>
        <source>ประชุมแล้ว</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>ร่างรายงานการประชุมแล้ว</source>
        <translation>Minutes drafted</translation>
    </message>
    <message>
        <source>ตรวจรายงานการประชุมแล้ว</source>
        <translation>Minutes checked</translation>
    </message>
    <message>
        <source>รับรองรายงานการประชุมแล้ว</source>
        <translation>Minutes certified</translation>
    </message>
    <message>
        <source>มาตรฐาน ๕ ระเบียบวาระ</source>
        <translation>Standard, 5 agenda sections</translation>
    </message>
    <message>
        <source>๖ ระเบียบวาระ (มีเรื่องเพื่อทราบ)</source>
        <translation>6 agenda sections (with items for information)</translation>
    </message>
    <message>
        <source>มาประชุม</source>
        <translation>Present</translation>
    </message>
    <message>
        <source>ไม่มาประชุม</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>มาประชุมแทน</source>
        <translation>Substitute</translation>
    </message>
    <message>
        <source>ผู้เข้าร่วมประชุม</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>ปกติ</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>ด่วน</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>ด่วนมาก</source>
        <translation>Very urgent</translation>
    </message>
    <message>
        <source>ด่วนที่สุด</source>
        <translation>Most urgent</translation>
    </message>
    <message>
        <source>รายสัปดาห์</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <source>รายเดือน</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <source>รายไตรมาส</source>
        <translation>Quarterly</translation>
    </message>
    <message>
        <source>ทุกการประชุม</source>
        <translation>Every meeting</translation>
    </message>
    <message>
        <source>เปิดอยู่</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>ปิดเรื่องแล้ว</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>ยกเลิก</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>ผู้รับผิดชอบหลัก</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>หน่วยงานสนับสนุน</source>
        <translation>Supporting unit</translation>
    </message>
    <message>
        <source>ผู้ดูแลระบบ</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>ฝ่ายเลขานุการ</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <source>ผู้อ่านอย่างเดียว</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <source>ไม่ล่าช้า</source>
        <translation>Not late</translation>
    </message>
    <message>
        <source>ล่าช้า — ติดตามตามรอบปกติ</source>
        <translation>Late — follow up as usual</translation>
    </message>
    <message>
        <source>ล่าช้า — เร่งรัดการดำเนินการ</source>
        <translation>Late — expedite</translation>
    </message>
    <message>
        <source>ล่าช้ามาก — รายงานผู้บังคับบัญชา</source>
        <translation>Very late — report to superiors</translation>
    </message>
    <message>
        <source>ยังไม่ดำเนินการ</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>อยู่ระหว่างดำเนินการ</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>ดำเนินการแล้วเสร็จ</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>ติดขัด: {reason}</source>
        <translation>Blocked: {reason}</translation>
    </message>
    <message>
        <source>เกินกำหนด (ล่าช้า {days} วัน)</source>
        <translation>Overdue ({days} days late)</translation>
    </message>
    <message>
        <source>{status} (เหลือ {days} วัน)</source>
        <translation>{status} ({days} days left)</translation>
    </message>
    <message>
        <source>ล่าช้า {days} วัน — ติดตามตามรอบปกติ</source>
        <translation>{days} days late — follow up as usual</translation>
    </message>
    <message>
        <source>ล่าช้าตั้งแต่ {limit} วัน — เร่งรัดการดำเนินการ</source>
        <translation>Late {limit} days or more — expedite</translation>
    </message>
    <message>
        <source>ล่าช้าตั้งแต่ {limit} วัน — รายงานผู้บังคับบัญชา</source>
        <translation>Late {limit} days or more — report to superiors</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>มีผู้อื่นแก้ไขข้อมูลนี้ไปแล้ว — ข้อมูลที่คุณพิมพ์ยังอยู่ในหน้าจอ โปรดคัดลอกเก็บไว้ แล้วเปิดรายการใหม่เพื่อแก้ไขอีกครั้ง</source>
        <translation>Someone else has changed this record — what you typed is still on screen; copy it, then reopen the record and edit again</translation>
    </message>
    <message>
        <source>ข้อมูลยังไม่ถูกต้อง:</source>
        <translation>Some entries are not valid:</translation>
    </message>
    <message>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ({kind}) — บันทึกรายละเอียดไว้ในไฟล์ {path} แล้ว โปรดแจ้งผู้ดูแลระบบ</source>
        <translation>An unexpected error occurred ({kind}) — the details are in {path}; please tell the administrator</translation>
    </message>
    <message>
        <source>บันทึกไม่สำเร็จ</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>ข้อผิดพลาด</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>ใช่</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>ไม่ใช่</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>เลือกไฟล์ตราสัญลักษณ์</source>
        <translation>Choose the emblem file</translation>
    </message>
    <message>
        <source>ภาพ PNG หรือ JPEG (*.png *.jpg *.jpeg)</source>
        <translation>PNG or JPEG image (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>เปิดฐานข้อมูลไม่ได้</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <source>ปิด</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>ต้องการกู้คืนจากสำเนาสำรอง {name} ตอนนี้หรือไม่? ข้อมูลที่บันทึกหลังเวลาสำรองจะไม่อยู่ในฐานข้อมูลที่กู้คืน ส่วนไฟล์ที่เสียหายจะเก็บไว้ในโฟลเดอร์ backups</source>
        <translation>Restore from the backup {name} now? Changes saved after that backup will not be in the restored database. The damaged file is kept in the backups folder, not deleted.</translation>
    </message>
    <message>
        <source>ฐานข้อมูลเสียหาย</source>
        <translation>Damaged database</translation>
    </message>
    <message>
        <source>กู้คืนฐานข้อมูลจากสำเนาสำรอง {name} แล้ว</source>
        <translation>The database was restored from the backup {name}</translation>
    </message>
    <message>
        <source>ไฟล์ที่เสียหายเก็บไว้ที่ {path}</source>
        <translation>The damaged file is kept at {path}</translation>
    </message>
    <message>
        <source>กู้คืนแล้ว</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>ตกลง</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <source>ข้อผิดพลาด: {message}</source>
        <translation>Error: {message}</translation>
    </message>
    <message>
        <source>เกิดข้อผิดพลาดที่ไม่คาดคิด ({kind}) — รายละเอียดอยู่ในไฟล์ {path}</source>
        <translation>An unexpected error occurred ({kind}) — the details are in {path}</translation>
    </message>
    <message>
        <source>ข้อผิดพลาด</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>self.form</name>
    <message>
        <source>กำลังโหลดข้อมูลล่าสุด…</source>
        <translation>Loading the latest data…</translation>
    </message>
    <message>
        <source>โหลดข้อมูลล่าสุดแล้ว และใส่สิ่งที่คุณแก้ไขกลับไป — โปรดตรวจสอบแล้วกดบันทึกอีกครั้ง</source>
        <translation>The latest data is loaded and your changes are back in — check them and save again</translation>
    </message>
</context>
</TS>
