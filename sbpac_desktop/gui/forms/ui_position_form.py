# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'position_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QWidget)

from sbpac_desktop.gui.widgets.pickers import IdCombo

class Ui_PositionForm(object):
    def setupUi(self, PositionForm):
        if not PositionForm.objectName():
            PositionForm.setObjectName(u"PositionForm")
        PositionForm.resize(680, 280)
        self.form = QFormLayout(PositionForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.titleLabel = QLabel(PositionForm)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.title = QLineEdit(PositionForm)
        self.title.setObjectName(u"title")
        self.title.setMaxLength(300)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title)

        self.shortCodeLabel = QLabel(PositionForm)
        self.shortCodeLabel.setObjectName(u"shortCodeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortCodeLabel)

        self.shortCode = QLineEdit(PositionForm)
        self.shortCode.setObjectName(u"shortCode")
        self.shortCode.setMaxLength(60)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortCode)

        self.kindLabel = QLabel(PositionForm)
        self.kindLabel.setObjectName(u"kindLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(PositionForm)
        self.kind.setObjectName(u"kind")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.kind)

        self.orgUnitLabel = QLabel(PositionForm)
        self.orgUnitLabel.setObjectName(u"orgUnitLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.orgUnitLabel)

        self.orgUnit = IdCombo(PositionForm)
        self.orgUnit.setObjectName(u"orgUnit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.orgUnit)

        self.orgUnitHint = QLabel(PositionForm)
        self.orgUnitHint.setObjectName(u"orgUnitHint")
        self.orgUnitHint.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.SpanningRole, self.orgUnitHint)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.title)
        self.shortCodeLabel.setBuddy(self.shortCode)
        self.kindLabel.setBuddy(self.kind)
        self.orgUnitLabel.setBuddy(self.orgUnit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title, self.shortCode)
        QWidget.setTabOrder(self.shortCode, self.kind)
        QWidget.setTabOrder(self.kind, self.orgUnit)

        self.retranslateUi(PositionForm)

        QMetaObject.connectSlotsByName(PositionForm)
    # setupUi

    def retranslateUi(self, PositionForm):
        self.titleLabel.setText(QCoreApplication.translate("PositionForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07", None))
        self.title.setPlaceholderText(QCoreApplication.translate("PositionForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e1c\u0e39\u0e49\u0e0a\u0e48\u0e27\u0e22\u0e40\u0e25\u0e02\u0e32\u0e18\u0e34\u0e01\u0e32\u0e23 \u0e28\u0e2d.\u0e1a\u0e15.", None))
        self.shortCodeLabel.setText(QCoreApplication.translate("PositionForm", u"\u0e0a\u0e37\u0e48\u0e2d\u0e22\u0e48\u0e2d\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07", None))
        self.shortCode.setPlaceholderText(QCoreApplication.translate("PositionForm", u"\u0e40\u0e0a\u0e48\u0e19 \u0e1c\u0e0a.\u0e25\u0e18.(\u0e1e\u0e13.)", None))
#if QT_CONFIG(tooltip)
        self.shortCode.setToolTip(QCoreApplication.translate("PositionForm", u"\u0e43\u0e0a\u0e49\u0e41\u0e22\u0e01\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e0a\u0e37\u0e48\u0e2d\u0e40\u0e14\u0e35\u0e22\u0e27\u0e01\u0e31\u0e19\u0e2d\u0e2d\u0e01\u0e08\u0e32\u0e01\u0e01\u0e31\u0e19 \u0e15\u0e49\u0e2d\u0e07\u0e44\u0e21\u0e48\u0e0b\u0e49\u0e33\u0e01\u0e31\u0e1a\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e2d\u0e37\u0e48\u0e19", None))
#endif // QT_CONFIG(tooltip)
        self.kindLabel.setText(QCoreApplication.translate("PositionForm", u"\u0e1b\u0e23\u0e30\u0e40\u0e20\u0e17\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07", None))
        self.orgUnitLabel.setText(QCoreApplication.translate("PositionForm", u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e15\u0e49\u0e19\u0e2a\u0e31\u0e07\u0e01\u0e31\u0e14", None))
#if QT_CONFIG(tooltip)
        self.orgUnit.setToolTip(QCoreApplication.translate("PositionForm", u"\u0e2b\u0e19\u0e48\u0e27\u0e22\u0e07\u0e32\u0e19\u0e02\u0e2d\u0e07\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e19\u0e35\u0e49 \u0e2b\u0e23\u0e37\u0e2d\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23\u0e17\u0e35\u0e48\u0e2a\u0e48\u0e07\u0e21\u0e32\u0e0a\u0e48\u0e27\u0e22\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23", None))
#endif // QT_CONFIG(tooltip)
        self.orgUnitHint.setText(QCoreApplication.translate("PositionForm", u"\u0e15\u0e33\u0e41\u0e2b\u0e19\u0e48\u0e07\u0e1c\u0e39\u0e49\u0e0a\u0e48\u0e27\u0e22\u0e40\u0e25\u0e02\u0e32\u0e18\u0e34\u0e01\u0e32\u0e23 \u0e28\u0e2d.\u0e1a\u0e15. \u0e43\u0e2b\u0e49\u0e40\u0e25\u0e37\u0e2d\u0e01\u0e2a\u0e48\u0e27\u0e19\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23\u0e17\u0e35\u0e48\u0e2a\u0e48\u0e07\u0e21\u0e32\u0e0a\u0e48\u0e27\u0e22\u0e23\u0e32\u0e0a\u0e01\u0e32\u0e23 \u0e40\u0e0a\u0e48\u0e19 \u0e01\u0e23\u0e30\u0e17\u0e23\u0e27\u0e07\u0e1e\u0e32\u0e13\u0e34\u0e0a\u0e22\u0e4c", None))
        self.orgUnitHint.setStyleSheet(QCoreApplication.translate("PositionForm", u"color: #5f6368;", None))
        pass
    # retranslateUi

