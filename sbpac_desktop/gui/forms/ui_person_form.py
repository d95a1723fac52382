# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'person_form.ui'
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

class Ui_PersonForm(object):
    def setupUi(self, PersonForm):
        if not PersonForm.objectName():
            PersonForm.setObjectName(u"PersonForm")
        PersonForm.resize(640, 280)
        self.form = QFormLayout(PersonForm)
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.prefixLabel = QLabel(PersonForm)
        self.prefixLabel.setObjectName(u"prefixLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.prefixLabel)

        self.prefix = QComboBox(PersonForm)
        self.prefix.setObjectName(u"prefix")
        self.prefix.setEditable(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.prefix)

        self.firstNameLabel = QLabel(PersonForm)
        self.firstNameLabel.setObjectName(u"firstNameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.firstNameLabel)

        self.firstName = QLineEdit(PersonForm)
        self.firstName.setObjectName(u"firstName")
        self.firstName.setMaxLength(120)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.firstName)

        self.lastNameLabel = QLabel(PersonForm)
        self.lastNameLabel.setObjectName(u"lastNameLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lastNameLabel)

        self.lastName = QLineEdit(PersonForm)
        self.lastName.setObjectName(u"lastName")
        self.lastName.setMaxLength(120)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lastName)

        self.emailLabel = QLabel(PersonForm)
        self.emailLabel.setObjectName(u"emailLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(PersonForm)
        self.email.setObjectName(u"email")
        self.email.setMaxLength(200)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.email)

        self.phoneLabel = QLabel(PersonForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(PersonForm)
        self.phone.setObjectName(u"phone")
        self.phone.setMaxLength(60)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phone)

#if QT_CONFIG(shortcut)
        self.prefixLabel.setBuddy(self.prefix)
        self.firstNameLabel.setBuddy(self.firstName)
        self.lastNameLabel.setBuddy(self.lastName)
        self.emailLabel.setBuddy(self.email)
        self.phoneLabel.setBuddy(self.phone)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.prefix, self.firstName)
        QWidget.setTabOrder(self.firstName, self.lastName)
        QWidget.setTabOrder(self.lastName, self.email)
        QWidget.setTabOrder(self.email, self.phone)

        self.retranslateUi(PersonForm)

        QMetaObject.connectSlotsByName(PersonForm)
    # setupUi

    def retranslateUi(self, PersonForm):
        self.prefixLabel.setText(QCoreApplication.translate("PersonForm", u"\u0e04\u0e33\u0e19\u0e33\u0e2b\u0e19\u0e49\u0e32/\u0e22\u0e28", None))
#if QT_CONFIG(tooltip)
        self.prefix.setToolTip(QCoreApplication.translate("PersonForm", u"\u0e40\u0e25\u0e37\u0e2d\u0e01 \u0e2b\u0e23\u0e37\u0e2d\u0e1e\u0e34\u0e21\u0e1e\u0e4c\u0e22\u0e28/\u0e04\u0e33\u0e19\u0e33\u0e2b\u0e19\u0e49\u0e32\u0e2d\u0e37\u0e48\u0e19 \u0e40\u0e0a\u0e48\u0e19 \u0e1e\u0e25\u0e40\u0e23\u0e37\u0e2d\u0e15\u0e23\u0e35", None))
#endif // QT_CONFIG(tooltip)
        self.firstNameLabel.setText(QCoreApplication.translate("PersonForm", u"\u0e0a\u0e37\u0e48\u0e2d", None))
        self.lastNameLabel.setText(QCoreApplication.translate("PersonForm", u"\u0e19\u0e32\u0e21\u0e2a\u0e01\u0e38\u0e25", None))
        self.emailLabel.setText(QCoreApplication.translate("PersonForm", u"\u0e2d\u0e35\u0e40\u0e21\u0e25", None))
        self.email.setPlaceholderText(QCoreApplication.translate("PersonForm", u"\u0e40\u0e0a\u0e48\u0e19 name@sbpac.go.th", None))
        self.phoneLabel.setText(QCoreApplication.translate("PersonForm", u"\u0e42\u0e17\u0e23\u0e28\u0e31\u0e1e\u0e17\u0e4c", None))
        self.phone.setPlaceholderText(QCoreApplication.translate("PersonForm", u"\u0e40\u0e0a\u0e48\u0e19 0 7320 3888", None))
        pass
    # retranslateUi

