; Livestream Reviewer - Windows installer (NSIS 3, Unicode).
;
;   makensis -DBUNDLE_DIR=<dist\LivestreamReviewer> -DOUT_FILE=<Setup.exe> [-DVERSION=0.1.0]
;            [-DCOMPRESSOR=zlib] [-DVCREDIST=<vc_redist.x64.exe>] installer\reviewer.nsi
;
; Per-machine install into Program Files (admin), Start menu entries, an uninstaller in
; Add/Remove Programs. The uninstaller removes program files only: cases, officer keys, settings
; and models live in each user's %LOCALAPPDATA%\LivestreamReviewer (or in case folders the officer
; chose) and are never touched. Portable use needs no installer: unzip the bundle folder and put
; an empty `portable.flag` next to LivestreamReviewer.exe (data then goes to `data\` beside it).
; Signing happens after the build (signtool or osslsigncode; docs/windows-build.md).

Unicode true
ManifestDPIAware true

!ifndef BUNDLE_DIR
  !define BUNDLE_DIR "..\dist\LivestreamReviewer"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\dist\LivestreamReviewer-Setup.exe"
!endif
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"  ; smallest; CI tests pass zlib for speed
!endif
SetCompressor /SOLID ${COMPRESSOR}

!define APP_NAME "Livestream Reviewer"
!define APP_ID "LivestreamReviewer"
!define PUBLISHER "Livestream Reviewer project"
!define GUI_EXE "LivestreamReviewer.exe"
!define CLI_EXE "reviewer.exe"
!define UNINSTALLER "Uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define APP_KEY "Software\${APP_ID}"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUT_FILE}"
InstallDir "$PROGRAMFILES64\${APP_ID}"
InstallDirRegKey HKLM "${APP_KEY}" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show
ShowUninstDetails show

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1033 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=1033 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1033 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=1033 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1033 "LegalCopyright" "Apache-2.0; third-party notices in THIRD_PARTY_NOTICES.md"

!include "MUI2.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "..\LICENSE"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "${APP_NAME} needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Function un.onInit
  SetRegView 64
  SetShellVarContext all
FunctionEnd

Section "!${APP_NAME}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program folder of the previous version (never any user data).
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE_DIR}\*.*"
  File "..\LICENSE"
  File "..\THIRD_PARTY_NOTICES.md"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  !ifdef VCREDIST
    ; onnxruntime and CTranslate2 need a current MSVC runtime; an old one breaks onnxruntime.
    File "/oname=$PLUGINSDIR\vc_redist.x64.exe" "${VCREDIST}"
    ExecWait '"$PLUGINSDIR\vc_redist.x64.exe" /install /quiet /norestart'
  !endif

  CreateDirectory "$SMPROGRAMS\${APP_NAME}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}"
  ; A command prompt in the program folder that starts with the device self-test.
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\${APP_NAME} - self-test.lnk" "$SYSDIR\cmd.exe" \
    '/k cd /d "$INSTDIR" && ${CLI_EXE} doctor' "$INSTDIR\${GUI_EXE}"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}\Uninstall ${APP_NAME}.lnk" "$INSTDIR\${UNINSTALLER}"

  WriteRegStr HKLM "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  ; Program files only, by name. Cases, keys and settings are in %LOCALAPPDATA% or in the
  ; officer's own folders; a portable `data\` folder left here is kept too (RMDir without /r).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\LICENSE"
  Delete "$INSTDIR\THIRD_PARTY_NOTICES.md"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\${APP_NAME} - self-test.lnk"
  Delete "$SMPROGRAMS\${APP_NAME}\Uninstall ${APP_NAME}.lnk"
  RMDir "$SMPROGRAMS\${APP_NAME}"

  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${APP_KEY}"
SectionEnd
