; SBPAC Desktop — per-user Windows installer (NSIS 3, Unicode). No administrator rights needed.
;
; makensis -DVERSION=0.1.0 -DPAYLOAD=<folder> -DOUTFILE=<setup.exe> -DICON=<sbpac-desktop.ico> sbpac-desktop.nsi
;
; PAYLOAD is the PyInstaller one-folder build made on Windows (installer/README.md):
;   sbpac-desktop.exe (window), sbpac-desktop-cli.exe (commands, --self-test), _internal\
;
; Where things go (all inside the user's own profile, so a locked-down PC needs no IT):
;   program    %LOCALAPPDATA%\Programs\SBPAC Desktop\          (replaced as a whole on upgrade)
;   shortcut   Start menu (current user) "SBPAC Desktop"
;   uninstall  HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\sbpac-desktop
;   user data  %LOCALAPPDATA%\sbpac-desktop\  (database, backups\, Logs\) and HKCU\Software\SBPAC
;              (window settings): written by the program, never touched by this installer or
;              the uninstaller, so an upgrade finds them and an uninstall leaves them.
; The database is migrated by the program itself at its first start after an upgrade (after a
; backup into %LOCALAPPDATA%\sbpac-desktop\backups\).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma
SetCompressorDictSize 32

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef VERSION_NUMERIC
  !define VERSION_NUMERIC "0.0.0.0"
!endif
!ifndef PAYLOAD
  !define PAYLOAD "..\..\dist\sbpac-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\sbpac-desktop-${VERSION}-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\..\resources\icons\sbpac-desktop.ico"
!endif

!define APP_NAME "SBPAC Desktop"
!define APP_ID "sbpac-desktop"
!define PUBLISHER "SBPAC (ศอ.บต.)"
!define EXE "sbpac-desktop.exe"
!define CLI_EXE "sbpac-desktop-cli.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define SETTINGS_KEY "Software\${APP_ID}"

!if ! /FileExists "${PAYLOAD}\${EXE}"
  !error "No ${EXE} in PAYLOAD=${PAYLOAD}: build the PyInstaller folder first (installer/README.md)"
!endif
!if ! /FileExists "${PAYLOAD}\_internal"
  !error "No _internal folder in PAYLOAD=${PAYLOAD}: it must be a PyInstaller one-folder build"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_NUMERIC}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} setup"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(KeepDataNote)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "Thai"
!insertmacro MUI_LANGUAGE "English"

LangString StillRunning ${LANG_THAI} "โปรแกรม ${APP_NAME} กำลังเปิดอยู่ — โปรดปิดโปรแกรมก่อน แล้วกด ลองใหม่ (Retry)"
LangString StillRunning ${LANG_ENGLISH} "${APP_NAME} is running. Close it, then press Retry."
LangString NeedsAdmin ${LANG_THAI} "บันทึกลงโฟลเดอร์นี้ไม่ได้ (ต้องใช้สิทธิ์ผู้ดูแลระบบ) — โปรดเลือกโฟลเดอร์ในโปรไฟล์ของท่าน"
LangString NeedsAdmin ${LANG_ENGLISH} "Cannot write to this folder (administrator rights needed). Choose a folder in your own profile."
LangString KeepDataNote ${LANG_THAI} "ข้อมูลของท่าน (ฐานข้อมูล ไฟล์สำรอง และการตั้งค่า) ใน %LOCALAPPDATA%\sbpac-desktop จะไม่ถูกลบ"
LangString KeepDataNote ${LANG_ENGLISH} "Your data (database, backups and settings) in %LOCALAPPDATA%\sbpac-desktop is kept."
LangString ShortcutName ${LANG_THAI} "${APP_NAME}"
LangString ShortcutName ${LANG_ENGLISH} "${APP_NAME}"

Function .onInit
  SetShellVarContext current  ; the installer's language follows the Windows display language
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

;; The program's files cannot be replaced or removed while it runs (Windows keeps them open):
;; opening the executable for writing fails then, and the user is asked to close it.
!macro WaitUntilClosed FILE ID
  ${If} ${FileExists} "${FILE}"
    retry_${ID}:
    ClearErrors
    FileOpen $0 "${FILE}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY retry_${ID}
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}
!macroend

Section "${APP_NAME}" SecProgram
  SectionIn RO
  SetShellVarContext current
  CreateDirectory "$INSTDIR"
  ClearErrors
  FileOpen $0 "$INSTDIR\.write-test" w
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsAdmin)" /SD IDOK
    Abort
  ${EndIf}
  FileClose $0
  Delete "$INSTDIR\.write-test"

  !insertmacro WaitUntilClosed "$INSTDIR\${EXE}" gui
  !insertmacro WaitUntilClosed "$INSTDIR\${CLI_EXE}" cli
  ; The previous version's files go first, so no stale module survives an upgrade.
  ; Only our own files: never RMDir /r $INSTDIR (the user may have chosen a folder with other files).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${CLI_EXE}"

  SetOutPath "$INSTDIR"
  File /r "${PAYLOAD}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\$(ShortcutName).lnk" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APP_NAME}"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  !insertmacro WaitUntilClosed "$INSTDIR\${EXE}" un_gui
  !insertmacro WaitUntilClosed "$INSTDIR\${CLI_EXE}" un_cli
  Delete "$SMPROGRAMS\$(ShortcutName).lnk"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; only if empty: anything else the user put there stays
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${SETTINGS_KEY}"
  ; Deliberately kept: %LOCALAPPDATA%\sbpac-desktop (database, backups, logs) and HKCU\Software\SBPAC.
SectionEnd
