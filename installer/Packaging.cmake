# CPack: a .deb and a tarball for Linux. The .deb lists the plugins and dlopened libraries that
# shlibdeps cannot see (SQLite driver, SVG, secret service).
set(CPACK_PACKAGE_NAME "caseyos")
set(CPACK_PACKAGE_VENDOR "CaseyOS")
set(CPACK_PACKAGE_CONTACT "CaseyOS team <team@caseyos.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_DEBIAN_PACKAGE_SECTION "office")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# QtKeychain dlopens libsecret, so the package must pull it in; the keyring itself is the desktop's choice.
# Voice: pocketsphinx's en-us model and espeak-ng's voices are data files shlibdeps cannot see.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6, libqt6charts6, libqt6network6, libqt6keychain1, libsecret-1-0, libqt6multimedia6, pocketsphinx-en-us, espeak-ng-data")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring, pulseaudio | pipewire-pulse")
include(CPack)
