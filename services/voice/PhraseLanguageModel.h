#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace caseyos::voice {

// A small ARPA trigram language model of the given sentences (each a list of dictionary words), with absolute
// discounting and Katz back-off so that word orders not in the list keep some probability. Built at run time
// from Jarvis's command phrases and the workspace's names, then interpolated with the general model: the
// phrases become likely without making free speech impossible.
QByteArray arpaTrigramModel(const QList<QStringList>& sentences);

} // namespace caseyos::voice
