<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnalysisController</name>
    <message>
        <location filename="../../ui/analysis_controller.py" line="59"/>
        <source>No files found to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/analysis_controller.py" line="88"/>
        <source>Warning: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/analysis_controller.py" line="96"/>
        <source>the GPU was chosen in Settings but none can be used here; speech runs on the processor (CPU), which is slower.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/analysis_controller.py" line="101"/>
        <source>the GPU could not load the speech model; speech runs on the processor (CPU), which is slower.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseController</name>
    <message>
        <location filename="../../ui/case_controller.py" line="47"/>
        <source>Cannot open the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="115"/>
        <source>Not a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="116"/>
        <source>{folder} holds no case. Use New case to start one there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="143"/>
        <source>Export evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="143"/>
        <source>Open a case first, then export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="158"/>
        <source>Merge a reviewed copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_controller.py" line="158"/>
        <source>Open a case first, then merge.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialogs</name>
    <message>
        <location filename="../../ui/case_dialogs.py" line="18"/>
        <source>New case: choose or create an empty folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="25"/>
        <source>Open case: choose its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="37"/>
        <source>Add recordings and screenshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="39"/>
        <source>Recordings and screenshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="41"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_dialogs.py" line="49"/>
        <source>Add a whole folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecideCommand</name>
    <message>
        <location filename="../../ui/undo.py" line="32"/>
        <source>flag {id}: {status}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="68"/>
        <source>add a flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/undo.py" line="99"/>
        <source>flag {id}: new span</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DestinationInfo</name>
    <message>
        <location filename="../../ui/export_destination.py" line="28"/>
        <source>Choose the USB stick (or a folder on it) to write the package to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="35"/>
        <source>This folder does not exist: plug in the stick or choose another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="48"/>
        <source>Free space: {free} · file system: {fs}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="49"/>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="57"/>
        <source>The originals of these flags take {size}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="63"/>
        <source>Not enough free space on this stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="66"/>
        <source>FAT32: it cannot hold files of 4 GiB or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_destination.py" line="73"/>
        <source>{name} is {size}: too large for FAT32. Use a stick formatted as exFAT or NTFS.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="295"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="295"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="297"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="315"/>
        <source>Checking the models, the GPU and the disk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="367"/>
        <source>Problems found: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="372"/>
        <source>Ready, with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="376"/>
        <source>Everything is ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="379"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="383"/>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="405"/>
        <location filename="../../ui/settings_dialog.py" line="410"/>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="420"/>
        <source>Analysis will use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="427"/>
        <source>speech on {device} ({compute}), images and on-screen text on {vision}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="434"/>
        <source>Device setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="436"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="442"/>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="443"/>
        <source>{ok} of {n} ready, hashes checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="451"/>
        <source>ready, hash matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="453"/>
        <source>not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="457"/>
        <source>Opt-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="457"/>
        <source>licence not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="459"/>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="460"/>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="461"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="462"/>
        <source>Origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="463"/>
        <location filename="../../ui/settings_dialog.py" line="493"/>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="469"/>
        <source>GPU for speech (CTranslate2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="473"/>
        <source>{n} CUDA device(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="477"/>
        <source>Compute types on {device}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="482"/>
        <source>onnxruntime providers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="488"/>
        <source>User folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="492"/>
        <source>{free:.1f} GiB free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="495"/>
        <source>Portable mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="495"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="498"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="500"/>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceStages</name>
    <message>
        <location filename="../../ui/evidence_task.py" line="83"/>
        <source>Opening the signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="84"/>
        <source>Checking the case and the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="85"/>
        <source>Copying the originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="86"/>
        <source>Cutting clips and stills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="87"/>
        <source>Writing transcripts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="88"/>
        <source>Writing the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="89"/>
        <source>Sealing the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="90"/>
        <source>Finishing on the destination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="91"/>
        <source>Verifying the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="92"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="95"/>
        <source>intact, signed by a trusted key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="96"/>
        <source>TAMPERED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="97"/>
        <source>intact, but the signer is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/evidence_task.py" line="98"/>
        <source>not a complete package</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="78"/>
        <source>Export evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="88"/>
        <source>Case: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="91"/>
        <source>Destination (USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="93"/>
        <source>The folder the package is written into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="95"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="106"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="109"/>
        <source>Also export pending flags (not yet decided)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="116"/>
        <source>Officer&apos;s signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="126"/>
        <source>The passphrase of this key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="130"/>
        <location filename="../../ui/export_dialog.py" line="153"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="135"/>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="139"/>
        <source>At least {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="145"/>
        <source>You have no signing key yet: one is created now and protected by this passphrase. Nobody can recover a forgotten passphrase; keep it safe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="151"/>
        <source>Officer id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="152"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="154"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="170"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="173"/>
        <source>Cancel export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="176"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="235"/>
        <source>{officer} — key {key_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="241"/>
        <source>Create a signing key for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="259"/>
        <source>Key {key_id}, fingerprint {fingerprint}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="267"/>
        <source>Choose the USB stick or folder for the package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="285"/>
        <source>{confirmed} confirmed and {pending} pending flag(s) will be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="288"/>
        <source>{confirmed} confirmed flag(s) will be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="293"/>
        <source>Review the flags first: nothing to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="318"/>
        <source>Choose the destination folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="320"/>
        <source>The destination {folder} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="324"/>
        <source>There are no flags to export: confirm flags first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="327"/>
        <source>Give the officer id the key belongs to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="329"/>
        <source>The passphrase needs at least {n} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="333"/>
        <source>The two passphrases differ; type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="335"/>
        <source>Type the passphrase of your key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="384"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="408"/>
        <source>Package written and verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="410"/>
        <source>Package written but it did not verify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="413"/>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="414"/>
        <source>Flags exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="415"/>
        <source>Originals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="417"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="418"/>
        <source>{files} ({size} of data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="422"/>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="423"/>
        <source>Seal SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="439"/>
        <source>Export cancelled: the unfinished package was removed from the stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="445"/>
        <source>Wrong passphrase: it does not open this key. Type it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="447"/>
        <source>Export failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/first_run.py" line="72"/>
        <source>Welcome to Livestream Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="75"/>
        <source>Choose the interface language and enter your officer ID. The ID is written with every decision in the audit log and on every evidence package; you can change both later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="80"/>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="81"/>
        <source>Officer ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="82"/>
        <source>e.g. CB-0421 or your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/first_run.py" line="83"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagDetail</name>
    <message>
        <location filename="../../ui/flag_detail.py" line="142"/>
        <source>Reveal picture (V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="144"/>
        <source>The picture may be obscene; it is blurred until you choose to see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="146"/>
        <source>Play flag (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="147"/>
        <source>Confirm (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="148"/>
        <source>Reject (X)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="149"/>
        <source>Unsure (U)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="150"/>
        <source>Reset (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="151"/>
        <source>Note for this flag (N to write, Enter to save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="152"/>
        <source>Save note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="154"/>
        <location filename="../../ui/flag_detail.py" line="169"/>
        <source>No flag selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="173"/>
        <location filename="../../ui/flag_detail.py" line="267"/>
        <source>No picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="185"/>
        <source>Loading picture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="202"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="203"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="204"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="205"/>
        <source>Matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="206"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="207"/>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="212"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="220"/>
        <source>{officer} · {when}: {status} {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="228"/>
        <source>Copies disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="230"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="232"/>
        <source>File SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_detail.py" line="237"/>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagListPanel</name>
    <message>
        <location filename="../../ui/flag_list.py" line="224"/>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="228"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="233"/>
        <source>All sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="236"/>
        <source>Score ≥</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="237"/>
        <source>Show one category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="238"/>
        <source>Show one status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="239"/>
        <source>Show one source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="240"/>
        <source>Hide flags scored below this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="266"/>
        <source>{shown} of {total} shown · {pending} to review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagSpanDialog</name>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="35"/>
        <source>Add a flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="35"/>
        <source>Edit the flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="48"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="49"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="55"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="57"/>
        <source>What the officer saw or heard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_span_dialog.py" line="59"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FlagTableModel</name>
    <message>
        <location filename="../../ui/flag_list.py" line="67"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="68"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="69"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="70"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="71"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="72"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/flag_list.py" line="73"/>
        <source>Text / note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentifiersPanel</name>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="56"/>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="57"/>
        <source>Bank accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="58"/>
        <source>QR codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="59"/>
        <source>Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="60"/>
        <source>Social accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="61"/>
        <source>E-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="62"/>
        <source>Crypto wallets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="63"/>
        <source>Amounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="69"/>
        <source>on screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="70"/>
        <source>QR code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="71"/>
        <source>speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="75"/>
        <source>Identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="75"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="75"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="101"/>
        <source>No case open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="104"/>
        <source>{n} identifiers in this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="106"/>
        <source>No phone numbers, accounts or links found yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="131"/>
        <source>seen in {n} other cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="144"/>
        <source>Other cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/identifiers_panel.py" line="159"/>
        <source>open this case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/i18n.py" line="93"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="94"/>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="95"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="96"/>
        <source>unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="102"/>
        <location filename="../../ui/i18n.py" line="114"/>
        <source>speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="103"/>
        <location filename="../../ui/i18n.py" line="115"/>
        <source>on-screen text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="104"/>
        <location filename="../../ui/i18n.py" line="116"/>
        <source>on the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="105"/>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="106"/>
        <source>added by the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="112"/>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="113"/>
        <source>hashing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="117"/>
        <source>detecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="118"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="119"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="120"/>
        <source>already analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="121"/>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="122"/>
        <source>loading model</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearningPanel</name>
    <message>
        <location filename="../../ui/learning_panel.py" line="101"/>
        <source>Propose from this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="102"/>
        <source>Also retrain the text model (about a minute)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="103"/>
        <source>Apply checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="104"/>
        <source>Roll back the text model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="105"/>
        <source>Undo checked applied changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="106"/>
        <source>Proposal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="106"/>
        <source>Effect on the decided flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="134"/>
        <source>Reading the decisions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="155"/>
        <source>Check the applied changes to undo first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="161"/>
        <source>Undoing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="166"/>
        <source>Check the proposals to apply first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="168"/>
        <source>Applying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="172"/>
        <source>Rolling back…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="179"/>
        <source>Not done: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="185"/>
        <source>{n} proposals; nothing changes until you apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="191"/>
        <source>Applied {n} changes; the next analysis or re-detection uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="199"/>
        <source>Undid {n} changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="203"/>
        <source>Text model is now {model} ({sha}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="211"/>
        <source>Applied (check to undo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="288"/>
        <source>Thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="296"/>
        <source>Lexicon terms to remove (mostly rejected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="302"/>
        <source>rejected {r}, confirmed {c}; e.g. {ex}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="306"/>
        <source>Phrases to add (in missed or confirmed moments only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="312"/>
        <source>in {n} moments; e.g. {ex}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="314"/>
        <source>Text model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="323"/>
        <source>not retrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="244"/>
        <source>only {n} decisions (need {need}): no change proposed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="248"/>
        <source>precision {p0} → {p1}, recall {r0} → {r1}; would have removed {removed} of {rejected} rejected flags, kept {kept} of {confirmed} confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="261"/>
        <source>, raised {n} of {added} the officers added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="265"/>
        <source>; would also raise up to {n} undecided detections for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="273"/>
        <source>only {n} decided texts (need {need}): no retraining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="277"/>
        <source>better: install it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="279"/>
        <source>not better: keep the current model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/learning_panel.py" line="281"/>
        <source>F1 on the decisions {now} now, {new} retrained: {verdict}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="290"/>
        <source>Recent cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>&amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="294"/>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="295"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>Files in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>Transcript and search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="301"/>
        <source>Analysis queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>Learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="308"/>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="315"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="317"/>
        <source>Whole recording (Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="333"/>
        <source>Livestream Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>Livestream Reviewer — case {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>Officer: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="345"/>
        <source>Officer: {name} (set your name in Settings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="354"/>
        <source>Speech ran on {device} ({compute})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="362"/>
        <source>Analysing: {n} file(s) left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="412"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>Identifiers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeaningSearch</name>
    <message>
        <location filename="../../ui/meaning_search.py" line="70"/>
        <source>Search words or meaning, e.g. bán tài khoản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/meaning_search.py" line="81"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/meaning_search.py" line="86"/>
        <source>Preparing this case for search: {done}/{total} lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/meaning_search.py" line="97"/>
        <source>{n} moments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MediaList</name>
    <message>
        <location filename="../../ui/media_list.py" line="24"/>
        <source>video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="25"/>
        <source>audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="26"/>
        <source>screenshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="27"/>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="31"/>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="32"/>
        <source>analysing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="33"/>
        <source>analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="34"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/media_list.py" line="45"/>
        <source>{n} flags</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="36"/>
        <source>Merge a reviewed copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="38"/>
        <source>Copy: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="47"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="55"/>
        <source>{applied} changes to apply, {conflicts} conflicts for a senior officer, {same} already equal, {skipped} cannot be applied. Nothing is written until you press Merge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="66"/>
        <source>Nothing to merge: this case already holds that work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="80"/>
        <source>Conflict, flag {id}: {a} chose {x} here ({when_a}); {b} chose {y} in the copy ({when_b}). It stays unsure for a senior officer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="94"/>
        <source>Flag {id}: {action} by {officer} ({when})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="101"/>
        <source>Cannot apply: {why}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeRunner</name>
    <message>
        <location filename="../../ui/merge_dialog.py" line="155"/>
        <source>Choose the folder of the reviewed copy of this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="165"/>
        <source>Merging the reviewed copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="167"/>
        <source>Reading the reviewed copy and this case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="179"/>
        <source>Merge a reviewed copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/merge_dialog.py" line="215"/>
        <source>Merge refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlayerWidget</name>
    <message>
        <location filename="../../ui/player.py" line="143"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="144"/>
        <location filename="../../ui/player.py" line="149"/>
        <source>Volume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="145"/>
        <source>Play / pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="146"/>
        <source>Previous frame (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="147"/>
        <source>Next frame (.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="148"/>
        <source>Playback speed ([ and ])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="151"/>
        <source>Open a case and choose a recording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/player.py" line="153"/>
        <source>♪ Audio only</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="79"/>
        <source>Drive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="80"/>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="81"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="82"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="37"/>
        <source>Find Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="38"/>
        <source>Save As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="39"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="40"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="41"/>
        <source>&amp;Choose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="42"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="43"/>
        <source>Could not delete directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="44"/>
        <source>&amp;Look in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="45"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="46"/>
        <source>Go back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="47"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="48"/>
        <source>Go forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="49"/>
        <source>Parent Directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="50"/>
        <source>Go to the parent directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="51"/>
        <source>Create New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="52"/>
        <source>Create a New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="53"/>
        <source>List View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="54"/>
        <source>Change to list view mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="55"/>
        <source>Detail View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="56"/>
        <source>Change to detail view mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="57"/>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="58"/>
        <source>List of places and bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="59"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="60"/>
        <source>Files of &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="61"/>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="62"/>
        <source>All Files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="63"/>
        <source>&amp;Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="64"/>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="65"/>
        <source>Show &amp;hidden files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="66"/>
        <source>&amp;New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="67"/>
        <source>New Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="68"/>
        <source>Directory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="69"/>
        <source>File &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="70"/>
        <source>Directories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="71"/>
        <source>Recent Places</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="72"/>
        <source>Are you sure you want to delete &apos;%1&apos;?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="73"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="74"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="75"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="76"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="77"/>
        <source>Date Modified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="78"/>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="84"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="85"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="86"/>
        <source>Cu&amp;t</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="87"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="88"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="89"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="90"/>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="34"/>
        <source>Show Details...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="35"/>
        <source>Hide Details...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="16"/>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="17"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="18"/>
        <source>Save All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="19"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="20"/>
        <source>&amp;Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="21"/>
        <source>Yes to &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="22"/>
        <source>&amp;No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="23"/>
        <source>N&amp;o to All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="24"/>
        <source>Abort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="25"/>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="26"/>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="27"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="28"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="29"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="30"/>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="31"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="32"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="33"/>
        <source>Restore Defaults</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location filename="../../ui/qt_strings.py" line="91"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="92"/>
        <source>Copy &amp;Link Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qt_strings.py" line="93"/>
        <source>Select All</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../ui/queue_panel.py" line="59"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="60"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="61"/>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="62"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="63"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="67"/>
        <source>Cancel all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="71"/>
        <location filename="../../ui/queue_panel.py" line="90"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="118"/>
        <source>analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="119"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="120"/>
        <source>cancelled (saved work kept; add again to resume)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/queue_panel.py" line="149"/>
        <source>{active} running or queued, {done} finished, {failed} failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordCheck</name>
    <message>
        <location filename="../../ui/record_check.py" line="67"/>
        <source>… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="71"/>
        <source>The record of this case fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="74"/>
        <source>The tables, signatures or audit chain of this case disagree with its audit log. You can read it, but it will not be exported or merged until this is resolved.

{case}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="93"/>
        <source>Unlock your signing key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="95"/>
        <source>Passphrase of the key of officer {officer}. It is asked once per session; every decision is then signed with your key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/record_check.py" line="107"/>
        <source>Wrong passphrase</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <location filename="../../ui/review_controller.py" line="284"/>
        <source>Decision not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_controller.py" line="343"/>
        <source>Flag not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/review_controller.py" line="401"/>
        <source>Flag not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="67"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="75"/>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="83"/>
        <source>Vietnamese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="84"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="85"/>
        <source>Detect automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="97"/>
        <source>Whisper (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="98"/>
        <source>Vietnamese recogniser (viet-asr, opt-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="99"/>
        <source>Both, and compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="105"/>
        <source>viet-asr hears Vietnamese about four times more accurately than Whisper base, but the licence of its weights is not stated: turn it on only if your agency accepts that. English and automatic language detection always use Whisper.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="111"/>
        <source>Prompt the speech model with the category terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="115"/>
        <source>Automatic (GPU if usable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="116"/>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="117"/>
        <source>GPU (CUDA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="127"/>
        <source>Flag thresholds (lower: more flags to review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="139"/>
        <source>The shipped lexicons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="140"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="147"/>
        <source>This computer (or tcp://server:8786)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="149"/>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="150"/>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="151"/>
        <source>Spoken language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="152"/>
        <source>Speech model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="153"/>
        <source>Vietnamese speech engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="156"/>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="158"/>
        <location filename="../../ui/settings_dialog.py" line="216"/>
        <source>Lexicon folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="159"/>
        <source>Analysis cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="160"/>
        <source>New thresholds and lexicons apply to files analysed from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="165"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="166"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="183"/>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="184"/>
        <source>Device and models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="198"/>
        <source>Will run on: {device} ({compute})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="202"/>
        <source>Last analysis ran on: {used}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="207"/>
        <source>The GPU cannot be used on this computer; analysis will run on the CPU, which is slower.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/shortcuts.py" line="26"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="27"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="28"/>
        <source>Playback and timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="31"/>
        <source>New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="32"/>
        <source>Open case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="33"/>
        <source>Open the demo case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="34"/>
        <source>Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="36"/>
        <source>Add folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="38"/>
        <source>Cancel all analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="40"/>
        <source>Export evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="43"/>
        <source>Verify an evidence package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="45"/>
        <source>Merge a reviewed copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="46"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="47"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="48"/>
        <source>Next flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="49"/>
        <source>Previous flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="50"/>
        <source>Play the flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="51"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="52"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="53"/>
        <source>Unsure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="54"/>
        <source>Back to pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="55"/>
        <source>Write a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="57"/>
        <source>Reveal a blurred picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="62"/>
        <source>Add a flag at the playhead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="68"/>
        <source>Type the flag&apos;s times and category…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="71"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="72"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="73"/>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="74"/>
        <source>Back 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="75"/>
        <source>Forward 5 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="76"/>
        <source>Previous frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="77"/>
        <source>Next frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="78"/>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="79"/>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="80"/>
        <source>Zoom timeline in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="81"/>
        <source>Zoom timeline out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="82"/>
        <source>Whole recording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="86"/>
        <source>Search transcripts and on-screen text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/shortcuts.py" line="89"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message>
        <location filename="../../ui/timeline.py" line="227"/>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="228"/>
        <source>Speech</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="229"/>
        <source>On-screen text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline.py" line="230"/>
        <source>Audio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/timeline_paint.py" line="95"/>
        <source>&lt;b&gt;{category}&lt;/b&gt; ({status})&lt;br&gt;{start}–{end} · {source} · score {score:.2f}&lt;br&gt;Matched: {matched}&lt;br&gt;&lt;i&gt;{text}&lt;/i&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TranscriptPane</name>
    <message>
        <location filename="../../ui/transcript_pane.py" line="320"/>
        <source>Search all transcripts and on-screen text (Ctrl+F)</source>
        <extracomment>an officer&apos;s correction is stored and detected on (segment id): flags may have changed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="322"/>
        <source>No speech transcribed in this recording yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="382"/>
        <source>{n} found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="100"/>
        <source>Corrected by officer {officer} ({when}).
The recogniser heard: {machine}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="108"/>
        <source>Double-click or press F2 to correct what was said.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/transcript_pane.py" line="354"/>
        <source>The correction was not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyChecks</name>
    <message>
        <location filename="../../ui/verify_dialog.py" line="49"/>
        <source>Folder layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="50"/>
        <source>BagIt declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="51"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="52"/>
        <source>Seal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="53"/>
        <source>Tag files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="54"/>
        <source>Set of files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="55"/>
        <source>Package information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="56"/>
        <source>Evidence files (hashes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="57"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="58"/>
        <source>Case description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="59"/>
        <source>Stopped at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/verify_dialog.py" line="79"/>
        <source>Verify an evidence package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="83"/>
        <source>The package folder (EVP-…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="84"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="87"/>
        <location filename="../../ui/verify_dialog.py" line="336"/>
        <source>Package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="91"/>
        <source>Trusted keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="92"/>
        <source>Trust the keys of this computer&apos;s officers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="96"/>
        <source>Add a public key file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="98"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="122"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="122"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="122"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="124"/>
        <source>Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="127"/>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="130"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="159"/>
        <source>Choose the package folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="167"/>
        <source>Add trusted public keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="169"/>
        <source>Public keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="169"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="186"/>
        <source>{file} — key {key_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="193"/>
        <source>Not a public key file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="211"/>
        <source>Choose the package folder first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="224"/>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="249"/>
        <source>Verification stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="252"/>
        <source>Verification failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="298"/>
        <source>INTACT AND TRUSTED: the package is exactly as sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="300"/>
        <source>TAMPERED: the package was changed after it was sealed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="305"/>
        <source>UNTRUSTED SIGNER: the package is intact, but its key is not one you trust. Compare the fingerprint with the officer&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="310"/>
        <source>NOT A COMPLETE PACKAGE: unfinished, damaged, or not an evidence package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="318"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="324"/>
        <source>Signed by officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="325"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="327"/>
        <source>Fingerprint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="331"/>
        <source>Key trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="332"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="332"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="340"/>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="341"/>
        <source>{files} ({size} of data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="360"/>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="360"/>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="262"/>
        <source>Intact and signed by officer {officer} with trusted key {key}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="267"/>
        <source>Intact, but signed by key {key} (fingerprint {fingerprint}), which is not a trusted key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="272"/>
        <source>{f} was changed after the package was sealed ({a} differs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="274"/>
        <source>{f} is missing from the package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="276"/>
        <source>{f} is not part of the sealed package (added later).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="277"/>
        <source>{f} is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="279"/>
        <source>This is an unfinished export (.partial): export the case again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="281"/>
        <source>This export failed its read-back check (.failed): export again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="282"/>
        <source>{f} is not a package folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="284"/>
        <source>The audit log does not end where the seal says it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/verify_dialog.py" line="286"/>
        <source>The size or number of files differs from the sealed package.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
