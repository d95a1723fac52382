# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'term_form.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QFormLayout, QLabel,
    QSizePolicy, QWidget)

from sbpac_desktop.gui.widgets.be_date import BeDateEdit
from sbpac_desktop.gui.widgets.pickers import (IdCombo, PersonCombo)

class Ui_TermForm(object):
    def setupUi(self, TermForm):
        if not TermForm.objectName():
            TermForm.setObjectName(u"TermForm")
        TermForm.resize(680, 368)
        self.form = QFormLayout(TermForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.positionLabel = QLabel(TermForm)
        self.positionLabel.setObjectName(u"positionLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.positionLabel)

        self.position = IdCombo(TermForm)
        self.position.setObjectName(u"position")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.position)

        self.currentHolder = QLabel(TermForm)
        self.currentHolder.setObjectName(u"currentHolder")
        self.currentHolder.setWordWrap(True)

        self.form.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.currentHolder)

        self.personLabel = QLabel(TermForm)
        self.personLabel.setObjectName(u"personLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.personLabel)

        self.person = PersonCombo(TermForm)
        self.person.setObjectName(u"person")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.person)

        self.startOnLabel = QLabel(TermForm)
        self.startOnLabel.setObjectName(u"startOnLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.startOnLabel)

        self.startOn = BeDateEdit(TermForm)
        self.startOn.setObjectName(u"startOn")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.startOn)

        self.endOnLabel = QLabel(TermForm)
        self.endOnLabel.setObjectName(u"endOnLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.endOnLabel)

        self.endOn = BeDateEdit(TermForm)
        self.endOn.setObjectName(u"endOn")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.endOn)

        self.acting = QCheckBox(TermForm)
        self.acting.setObjectName(u"acting")

        self.form.setWidget(5, QFormLayout.ItemRole.SpanningRole, self.acting)

        self.endPrevious = QCheckBox(TermForm)
        self.endPrevious.setObjectName(u"endPrevious")
        self.endPrevious.setChecked(True)

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.endPrevious)

#if QT_CONFIG(shortcut)
        self.positionLabel.setBuddy(self.position)
        self.personLabel.setBuddy(self.person)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.position, self.person)
        QWidget.setTabOrder(self.person, self.startOn)
        QWidget.setTabOrder(self.startOn, self.endOn)
        QWidget.setTabOrder(self.endOn, self.acting)
        QWidget.setTabOrder(self.acting, self.endPrevious)

        self.retranslateUi(TermForm)

        QMetaObject.connectSlotsByName(TermForm)
    # setupUi

    def retranslateUi(self, TermForm):
        self.positionLabel.setText(QCoreApplication.translate("TermForm", u"\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07", None))
        self.personLabel.setText(QCoreApplication.translate("TermForm", u"\u0e1c\u0e39\u0e49\u0e14\u0e33\u0e23\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07", None))
        self.startOnLabel.setText(QCoreApplication.translate("TermForm", u"\u0e40\u0e23\u0e34\u0e48\u0e21\u0e14\u0e33\u0e23\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07 (\u0e1e.\u0e28.)", None))
        self.endOnLabel.setText(QCoreApplication.translate("TermForm", u"\u0e2a\u0e34\u0e49\u0e19\u0e2a\u0e38\u0e14 (\u0e1e.\u0e28.)", None))
#if QT_CONFIG(tooltip)
        self.endOn.setToolTip(QCoreApplication.translate("TermForm", u"\u0e40\u0e27\u0e49\u0e19\u0e27\u0e48\u0e32\u0e07\u0e44\u0e27\u0e49\u0e16\u0e49\u0e32\u0e22\u0e31\u0e07\u0e14\u0e33\u0e23\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e2d\u0e22\u0e39\u0e48", None))
#endif // QT_CONFIG(tooltip)
        self.acting.setText(QCoreApplication.translate("TermForm", u"\u0e23\u0e31\u0e01\u0e29\u0e32\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23\u0e41\u0e17\u0e19 (\u0e0b\u0e49\u0e2d\u0e19\u0e01\u0e31\u0e1a\u0e27\u0e32\u0e23\u0e30\u0e02\u0e2d\u0e07\u0e1c\u0e39\u0e49\u0e14\u0e33\u0e23\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e44\u0e14\u0e49)", None))
        self.endPrevious.setText(QCoreApplication.translate("TermForm", u"\u0e2a\u0e34\u0e49\u0e19\u0e2a\u0e38\u0e14\u0e27\u0e32\u0e23\u0e30\u0e02\u0e2d\u0e07\u0e1c\u0e39\u0e49\u0e14\u0e33\u0e23\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e40\u0e14\u0e34\u0e21\u0e43\u0e19\u0e27\u0e31\u0e19\u0e01\u0e48\u0e2d\u0e19\u0e27\u0e31\u0e19\u0e40\u0e23\u0e34\u0e48\u0e21", None))
        pass
    # retranslateUi

