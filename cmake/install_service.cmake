# install_service.cmake - izde-web's systemd unit and its options file, run by
# cmake --install. The unit names the program and the options file where this
# install puts them, and the prefix is only known now (--prefix P): on /usr,
# the system's unit folder and /etc/default, as a Debian package has them;
# elsewhere, both under the prefix. Set before: IZDE_SOURCE_DIR, IZDE_BINDIR,
# IZDE_SYSTEMD_UNITDIR.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(unitdir "${IZDE_SYSTEMD_UNITDIR}")
  set(confdir "/etc/default")
else()
  set(unitdir "${CMAKE_INSTALL_PREFIX}/lib/systemd/system")
  set(confdir "${CMAKE_INSTALL_PREFIX}/etc/default")
endif()
set(IZDE_WEB_BIN "${CMAKE_INSTALL_PREFIX}/${IZDE_BINDIR}/izde-web")
set(IZDE_WEB_DEFAULTS "${confdir}/izde-web")
message(STATUS "Installing: $ENV{DESTDIR}${unitdir}/izde-web.service")
configure_file("${IZDE_SOURCE_DIR}/dist/systemd/izde-web.service.in"
               "$ENV{DESTDIR}${unitdir}/izde-web.service" @ONLY)
message(STATUS "Installing: $ENV{DESTDIR}${confdir}/izde-web")
configure_file("${IZDE_SOURCE_DIR}/dist/systemd/izde-web.default"
               "$ENV{DESTDIR}${confdir}/izde-web" COPYONLY)
