# Sourced by scripts/test: the system packages some tests use. Chromium drives the
# browser tests (no browser download), LibreOffice turns .docx into PDF, the CJK fonts
# render Chinese in screenshots and PDFs. Installed where this user can (root with
# apt-get, as on Debian, UOS and 麒麟); elsewhere the run says what to install, and the
# tests that need a missing package say so in their skip reason.
SYSTEM_PACKAGES=(chromium libreoffice-writer-nogui fonts-noto-cjk)
missing_system_packages() {
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || echo chromium
  command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 || echo libreoffice-writer-nogui
  if command -v dpkg >/dev/null 2>&1; then
    dpkg -s fonts-noto-cjk >/dev/null 2>&1 || echo fonts-noto-cjk
  fi
}
mapfile -t need < <(missing_system_packages)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && [ "${FAZHI_NO_SYSTEM_INSTALL:-0}" != 1 ]; then
    echo "安装测试所需的系统软件包：${need[*]} …"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "提示：缺少系统软件包 ${need[*]}，相关测试将跳过（跳过原因列在结果末尾）。"
    echo "      安装：sudo apt-get install ${SYSTEM_PACKAGES[*]}"
  fi
fi
